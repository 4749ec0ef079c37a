import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { DEMO_WORKER_PHONE, DEMO_WORKER_REAL_NAME } from './demo-orgs';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const rows = <T,>(text: string) => t.database.query<T>(text);

/**
 * Issue 10 point 9: what one screen of the demo says, another does not contradict. Read through
 * the API staff use where a screen shows it, and through SQL where the check is over every row.
 */
describe('the demo agrees with itself', () => {
  it('raises door alarms only from doors that have been connected, after the alarm', async () => {
    const admin = await t.login('admin');
    const alarms = (await admin.get('/api/v1/door-alarms?pageSize=100')).body.items as { deviceId: string; raisedAt: string }[];
    const controllers = (await admin.get('/api/v1/door-controllers?pageSize=100')).body.items as { deviceId: string; lastSeenAt: string | null }[];
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      const door = controllers.find((c) => c.deviceId === alarm.deviceId);
      expect(door?.lastSeenAt, `${alarm.deviceId} raised an alarm but never connected`).toBeTruthy();
      expect(Date.parse(door!.lastSeenAt!)).toBeGreaterThanOrEqual(Date.parse(alarm.raisedAt));
    }
    // Every entry in the log came through a door that has been seen since.
    const unseen = await rows<{ device_id: string }>(`select distinct e.device_id from door_entry e join door_controller c on c.id = e.controller_id where c.last_seen_at is null or c.last_seen_at < e.at`);
    expect(unseen).toEqual([]);
  });

  it('shows each terminal’s last upload at or after its last sale and redemption', async () => {
    const stale = await rows<{ key_id: string }>(`select t.key_id from pos_terminal t
      where t.last_seen_at is null
         or t.last_seen_at < (select max(sold_at) from fund_sale s where s.terminal_id = t.id)
         or t.last_seen_at < (select max(redeemed_at) from breakfast_redemption r where r.terminal_id = t.id)`);
    expect(stale).toEqual([]);
  });

  it('opens 对账 on a period that has a statement, and every transfer of it is on the statement', async () => {
    const admin = await t.login('jb.admin');
    const latest = (await admin.get('/api/v1/fund-custodian/statements?page=1&pageSize=1')).body.items[0] as { fromDate: string; toDate: string; lineCount: number };
    expect(latest?.lineCount).toBeGreaterThan(0);
    const check = await admin.get(`/api/v1/fund-custodian/reconciliation?from=${latest.fromDate}&to=${latest.toDate}`);
    expect(check.status).toBe(200);
    expect(check.body.matchedCount).toBeGreaterThan(0);
    expect(check.body.differences).toEqual([]);
    expect(check.body.statementTotalFen).toBe(check.body.ledgerTotalFen);
    // Every month before this one has its statement; each transfer is on one.
    const unmatched = await rows<{ reference: string }>(`select t.reference from custodian_transfer t
      where t.transferred_on < date_trunc('month', (now() at time zone 'Asia/Shanghai')::date)
        and not exists (select 1 from custodian_statement_line l where l.reference = t.reference and l.amount_fen = t.amount_fen and l.value_date = t.transferred_on)`);
    expect(unmatched).toEqual([]);
  });

  it('marks as 困难职工 on the member record exactly the persons whose hardship file is 在档', async () => {
    const [row] = await rows<{ active: number; marked: number; mismatched: number }>(
      `select (select count(*)::int from hardship_file where status = 'active') as active,
              (select count(*)::int from person where is_hardship) as marked,
              (select count(*)::int from person p where p.is_hardship <> exists (select 1 from hardship_file f where f.person_id = p.id and f.status = 'active')) as mismatched`,
    );
    expect(row!.active).toBeGreaterThan(50);
    expect(row).toMatchObject({ marked: row!.active, mismatched: 0 });
  });

  it('gives the demo worker one name on his breakfast card and in the door log', async () => {
    const admin = await t.login('admin');
    const masked = `${DEMO_WORKER_PHONE.slice(0, 3)}****${DEMO_WORKER_PHONE.slice(7)}`;
    const cards = await rows<{ holder_name: string; employer: string }>(`select holder_name, employer from breakfast_card where phone_masked = '${masked}'`);
    expect(cards).toEqual([{ holder_name: DEMO_WORKER_REAL_NAME, employer: expect.stringContaining('骑手') }]);
    const entries = (await admin.get('/api/v1/door-entries?pageSize=100')).body.items as { personName: string; phoneMasked: string }[];
    const his = entries.filter((e) => e.phoneMasked === masked);
    expect(his.length).toBeGreaterThan(0);
    expect(new Set(his.map((e) => e.personName))).toEqual(new Set([DEMO_WORKER_REAL_NAME]));
    expect(entries.filter((e) => e.personName === DEMO_WORKER_REAL_NAME && e.phoneMasked !== masked)).toEqual([]);
  });

  it('has a year of activities that happened: registrations from the organiser’s subtree, attendance and a few no-shows, in the figures', async () => {
    const admin = await t.login('jb.admin');
    const past = await rows<{ events: number; registrations: number; attended: number; outside: number; over: number }>(
      `select count(distinct e.id)::int as events, count(r.id)::int as registrations, count(r.attended_at)::int as attended,
              count(*) filter (where r.union_path not like o.path || '%')::int as outside,
              count(distinct e.id) filter (where e.taken > e.capacity or e.taken <> (select count(*) from event_registration x where x.event_id = e.id and x.status = 'confirmed'))::int as over
         from event e join org o on o.id = e.org_id left join event_registration r on r.event_id = e.id
        where e.ends_at < now()`,
    );
    expect(past[0]!.events).toBeGreaterThanOrEqual(40);
    expect(past[0]!.registrations).toBeGreaterThan(2000);
    expect(past[0]!.outside).toBe(0);
    expect(past[0]!.over).toBe(0);
    const noShow = 1 - past[0]!.attended / past[0]!.registrations;
    expect(noShow).toBeGreaterThan(0.05);
    expect(noShow).toBeLessThan(0.2);
    // The console's list and the figures say the same.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() + 8 * 3600_000 - 366 * 86_400_000).toISOString().slice(0, 10);
    const figures = await admin.get(`/api/v1/indicators/values?org=JB&period=range&from=${yearAgo}&to=${today}&keys=events.attendance`);
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    expect(figures.body.items[0].value).toBe(past[0]!.attended);
  });
});
