import { errorDetails, errorEntries, errorText } from 'c/navsyncErrors';

const recordError = require('../../testWriteBack/__tests__/data/createContactValidationError.json');

describe('c/navsyncErrors', () => {
  it('reads a UI API record error: the specific output errors, not the generic summary', () => {
    expect(errorText(recordError)).toBe('Email is required for every contact.');
    expect(errorDetails(recordError)).toEqual({
      httpStatus: 400,
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Email is required for every contact.',
      fields: [],
    });
  });

  it('names the fields of field errors (UI API output and Apex DML errors)', () => {
    const uiApi = {
      status: 400,
      body: {
        message: 'x',
        output: {
          errors: [],
          fieldErrors: {
            Email: [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Email]' }],
          },
        },
      },
    };
    expect(errorDetails(uiApi)).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', fields: ['Email'] });
    const apex = {
      body: {
        pageErrors: [{ statusCode: 'INSUFFICIENT_ACCESS', message: 'no access' }],
        fieldErrors: { Phone: [{ statusCode: 'INVALID', message: 'bad phone' }] },
      },
    };
    expect(errorText(apex)).toBe('no access bad phone');
    expect(errorDetails(apex).fields).toEqual(['Phone']);
  });

  it('reads Apex and list errors, GraphQL errors, plain errors and lists of them, without repeats', () => {
    expect(errorText({ body: { message: 'Apex says no' } })).toBe('Apex says no');
    expect(errorText({ body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access' }] })).toBe('No access');
    expect(errorText({ errors: [{ message: 'Field User.Foo is not valid' }] })).toBe('Field User.Foo is not valid');
    expect(errorText(new Error('Network down'))).toBe('Network down');
    expect(errorText([{ body: { message: 'a' } }, { body: { message: 'a' } }, 'b'])).toBe('a b');
    expect(errorEntries(undefined)).toEqual([]);
    expect(errorText({})).toBe('');
  });
});
