import { DV, DV_PREFIX, seatFromDataverse, seatToDataverse, type Seat, type SeatUser } from '@navsync/shared-ts';
import { entitySetName } from '../../solution/names';
import type { WebApi } from '../dataValidation/webApi';

/** navsync_seat rows and the CRM users they can go to. */

const SET = entitySetName(DV.seat.table);
const ID = `${DV.seat.table}id`;

/** A CRM user as the seats list shows them: the primary e-mail (systemuser.internalemailaddress) beside the name. */
export type SeatUserWithEmail = SeatUser & { email: string | null };

export interface StoredSeat {
  rowId: string;
  seat: Seat;
}

export class SeatsGateway {
  private readonly api: WebApi;
  constructor(api: WebApi) {
    this.api = api;
  }

  async seats(): Promise<StoredSeat[]> {
    const c = DV.seat;
    const res = await this.api.request(
      'GET',
      `${SET}?$select=${ID},_${c.user}_value,${c.enabled},${c.writeBackOptOut}`,
    );
    const out: StoredSeat[] = [];
    for (const row of (res.body as { value?: Record<string, unknown>[] }).value ?? []) {
      const seat = seatFromDataverse(row);
      if (seat) out.push({ rowId: String(row[ID]), seat });
    }
    return out;
  }

  /** Interactive users of the org (application and non-interactive users cannot hold a seat), with their e-mail. */
  async users(): Promise<SeatUserWithEmail[]> {
    const res = await this.api.request(
      'GET',
      'systemusers?$select=systemuserid,fullname,internalemailaddress,isdisabled&$filter=accessmode eq 0',
    );
    return ((res.body as { value?: Record<string, unknown>[] }).value ?? []).map((u) => ({
      id: String(u.systemuserid),
      name: typeof u.fullname === 'string' ? u.fullname : null,
      email: typeof u.internalemailaddress === 'string' ? u.internalemailaddress : null,
      active: u.isdisabled !== true,
    }));
  }

  async add(seat: Seat, name: string): Promise<string> {
    const res = await this.api.request(
      'POST',
      SET,
      { [`${DV_PREFIX}_name`]: name, ...seatToDataverse(seat) },
      { Prefer: 'return=representation' },
    );
    return String((res.body as Record<string, unknown>)[ID]);
  }

  async update(rowId: string, seat: Seat): Promise<void> {
    const { [`${DV.seat.user}@odata.bind`]: _user, ...rest } = seatToDataverse(seat);
    await this.api.request('PATCH', `${SET}(${rowId})`, rest);
  }

  async remove(rowId: string): Promise<void> {
    await this.api.request('DELETE', `${SET}(${rowId})`);
  }
}
