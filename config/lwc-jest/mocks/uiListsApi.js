// lightning/uiListsApi double: sfdx-lwc-jest's stub lacks getListRecordsByName, which the admin page reads its
// settings record with (a list view, so the object name comes from a namespace-safe schema import).
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const getListInfoByName = createLdsTestWireAdapter(jest.fn());
export const getListInfosByName = createLdsTestWireAdapter(jest.fn());
export const getListRecordsByName = createLdsTestWireAdapter(jest.fn());
