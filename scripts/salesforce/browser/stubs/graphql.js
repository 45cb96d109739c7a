import { fixtureAdapter } from './harness';

export const graphql = fixtureAdapter('graphql');

export function gql(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? values[i] : ''), '');
}
