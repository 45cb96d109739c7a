import { LightningElement, wire } from 'lwc';
import { getListRecordsByName } from 'lightning/uiListsApi';
import { gql, graphql } from 'lightning/graphql';
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import { assignSeats, assignableUsers, seatFromSalesforce, seatToSalesforce, setSeatsEnabled } from 'c/navsyncCore';
import { label } from 'c/navsyncLabels';
import { inNamespace, namespaceOf } from 'c/navsyncNamespace';
import { errorText } from 'c/navsyncErrors';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import SEAT_OBJECT from '@salesforce/schema/NavSync_Seat__c';
import USER_FIELD from '@salesforce/schema/NavSync_Seat__c.User__c';
import ENABLED_FIELD from '@salesforce/schema/NavSync_Seat__c.Enabled__c';
import OPT_OUT_FIELD from '@salesforce/schema/NavSync_Seat__c.Write_Back_Opt_Out__c';

const NAMESPACE = namespaceOf(USER_FIELD);
const qualified = (f) => `${f.objectApiName}.${f.fieldApiName}`;

/** UI API record → { apiName: value } (what the core's record mappers read). */
function flatten(record) {
  const out = {};
  Object.keys(record.fields).forEach((k) => {
    out[k] = record.fields[k].value;
  });
  return out;
}

export default class SeatManager extends LightningElement {
  seats;
  /** userId → seat record id. */
  recordIds = {};
  users = [];
  selectedIds = [];
  toAssign = [];
  errors = [];
  loadError;
  busy = false;

  @wire(getListRecordsByName, {
    objectApiName: SEAT_OBJECT,
    // The package's own list view: namespaced in a subscriber org.
    listViewApiName: inNamespace('All', NAMESPACE),
    fields: [USER_FIELD, ENABLED_FIELD, OPT_OUT_FIELD].map(qualified),
    pageSize: 2000,
  })
  wiredSeats(result) {
    // Kept for refreshApex after a change, so a remount shows the stored seats, not the cached list.
    this.seatsResult = result;
    const { data, error } = result;
    if (data) {
      const seats = [];
      const ids = {};
      data.records.forEach((r) => {
        const seat = seatFromSalesforce(flatten(r), NAMESPACE);
        if (seat) {
          seats.push(seat);
          ids[seat.userId] = r.id;
        }
      });
      this.seats = seats;
      this.recordIds = ids;
      this.loadError = undefined;
    } else if (error) {
      this.loadError = error;
    }
  }

  @wire(graphql, {
    query: gql`
      query navsyncActiveUsers {
        uiapi {
          query {
            User(where: { IsActive: { eq: true } }, first: 2000, orderBy: { Name: { order: ASC } }) {
              edges {
                node {
                  Id
                  Name {
                    value
                  }
                  IsActive {
                    value
                  }
                }
              }
            }
          }
        }
      }
    `,
  })
  wiredUsers({ data, errors }) {
    if (data) {
      this.users = data.uiapi.query.User.edges.map((e) => ({
        id: e.node.Id,
        name: e.node.Name.value,
        active: e.node.IsActive.value === true,
      }));
    } else if (errors) {
      this.loadError = errors;
    }
  }

  get labels() {
    return {
      title: label('admin.seatsTitle'),
      assign: label('admin.seatsAssign'),
      available: label('admin.seatsAvailableUsers'),
      chosen: label('admin.seatsChosenUsers'),
      selectAll: label('common.selectAll'),
      deselectAll: label('common.deselectAll'),
      enable: label('admin.seatsEnable'),
      disable: label('admin.seatsDisable'),
      remove: label('common.remove'),
      none: label('admin.seatsNone'),
      loading: label('common.loading'),
      error: label('errors.apiError'),
      selectedCount: label('common.selectedCount', { count: this.selectedIds.length }),
    };
  }

  get loadErrorText() {
    return `${label('errors.apiError')} ${errorText(this.loadError)}`.trim();
  }

  get isLoading() {
    return !this.seats && !this.loadError;
  }

  userName(id) {
    const u = this.users.find((x) => x.id === id);
    return u && u.name ? u.name : id;
  }

  get rows() {
    return (this.seats || []).map((s) => ({
      userId: s.userId,
      name: this.userName(s.userId),
      enabled: s.enabled,
      selected: this.selectedIds.indexOf(s.userId) >= 0,
    }));
  }

  get hasSeats() {
    return this.seats && this.seats.length > 0;
  }

  get nothingSelected() {
    return this.selectedIds.length === 0 || this.busy;
  }

  get assignOptions() {
    return assignableUsers(this.seats || [], this.users).map((u) => ({ label: u.name || u.id, value: u.id }));
  }

  get assignDisabled() {
    return this.toAssign.length === 0 || this.busy;
  }

  get errorTexts() {
    return this.errors.map((e, i) => ({ key: `e${i}`, text: `${label(e.key, e.params)} ${e.reason || ''}`.trim() }));
  }

  handleSelect(event) {
    const id = event.target.dataset.user;
    this.selectedIds = event.target.checked ? [...this.selectedIds, id] : this.selectedIds.filter((x) => x !== id);
  }

  handleSelectAll() {
    this.selectedIds = (this.seats || []).map((s) => s.userId);
  }

  handleDeselectAll() {
    this.selectedIds = [];
  }

  handleToAssign(event) {
    this.toAssign = event.detail.value;
  }

  /** Runs a change; on failure shows the API error and reports false (the stored seats are unchanged). */
  async save(work) {
    this.busy = true;
    this.errors = [];
    try {
      await work();
      this.dispatchEvent(
        new ShowToastEvent({ title: label('admin.seatsTitle'), message: label('common.saved'), variant: 'success' }),
      );
      await refreshApex(this.seatsResult);
      return true;
    } catch (e) {
      this.errors = [{ key: 'errors.apiError', params: {}, reason: errorText(e) }];
      this.dispatchEvent(
        new ShowToastEvent({ title: label('admin.seatsTitle'), message: this.errorTexts[0].text, variant: 'error' }),
      );
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Switch sync on or off for one seat (its row toggle) or for the selected seats. */
  async setEnabled(userIds, enabled) {
    const next = setSeatsEnabled(this.seats, userIds, enabled);
    const changed = next.filter((s, i) => s.enabled !== this.seats[i].enabled);
    return this.save(async () => {
      await Promise.all(
        changed.map((s) =>
          updateRecord({
            fields: { Id: this.recordIds[s.userId], [ENABLED_FIELD.fieldApiName]: s.enabled },
          }),
        ),
      );
      this.seats = next;
    });
  }

  async handleRowToggle(event) {
    const input = event.target;
    const ok = await this.setEnabled([input.dataset.user], input.checked);
    if (!ok) {
      // The seat did not change: put the switch back so it shows what is stored.
      input.checked = !input.checked;
    }
  }

  handleEnableSelected() {
    return this.setEnabled(this.selectedIds, true);
  }

  handleDisableSelected() {
    return this.setEnabled(this.selectedIds, false);
  }

  async handleRemoveSelected() {
    const ids = this.selectedIds.slice();
    await this.save(async () => {
      await Promise.all(ids.map((id) => deleteRecord(this.recordIds[id])));
      this.seats = this.seats.filter((s) => ids.indexOf(s.userId) < 0);
      this.selectedIds = [];
    });
  }

  async handleAssign() {
    // No contract limit is stored in the org: the platform's seat count is the admin's to watch (null).
    const change = assignSeats(this.seats || [], this.toAssign, this.users, null);
    if (!change.ok) {
      this.errors = change.errors;
      return;
    }
    await this.save(async () => {
      const added = change.seats.filter((s) => change.added.indexOf(s.userId) >= 0);
      const created = await Promise.all(
        added.map((s) => createRecord({ apiName: SEAT_OBJECT.objectApiName, fields: seatToSalesforce(s, NAMESPACE) })),
      );
      const ids = { ...this.recordIds };
      added.forEach((s, i) => {
        ids[s.userId] = created[i].id;
      });
      this.recordIds = ids;
      this.seats = change.seats;
      this.toAssign = [];
    });
  }
}
