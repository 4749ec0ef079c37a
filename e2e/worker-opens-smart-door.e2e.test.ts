import type { DoorControllerCredentials, DoorPolicy, Page as ListPage, Position, PublicDoor } from '@niangjia/contracts';
import { idNumberCheckChar } from '@niangjia/contracts/id-number';
import { afterAll, describe, expect, it } from 'vitest';
import { startDoorSimulator, type DoorSimulator } from '../apps/server/src/modules/access/simulator';
import { signInStaffApi } from './support/api';
import { checkBrowser, saveScreenshot, withScreenshotOnFailure } from './support/browser';
import { useJourney } from './support/journey';

const { canRun } = checkBrowser();
const STATION = '红旗河沟骑手之家工会驿站';
const WORKER_NAME = '骑手周峰';

/** A phone number that is in no demo data: 139 and eight random digits. */
const newPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A fictitious but valid resident ID: Jiangbei (500105), born 1992-07-08. */
function fictitiousId(): string {
  const first17 = `50010519920708${String(101 + 2 * Math.floor(Math.random() * 400))}`;
  return first17 + idNumberCheckChar(first17);
}

describe.skipIf(!canRun)('a new rider scans the door of a 24-hour station on a phone and it opens', () => {
  const journey = useJourney({ viewport: { width: 375, height: 667 }, isMobile: true });
  let sim: DoorSimulator | undefined;
  const printed: string[] = [];
  afterAll(async () => {
    await sim?.close();
  });

  it('signs in with an SMS code, registers a real name once, and the controller receives one unlock', { timeout: 120_000 }, async () => {
    const { server, session } = journey;
    const m = session.page;

    // Arrange: a controller registered at the station, the policy asking for a scan at all hours
    // (so the journey passes at any time of day), and the simulator connected as that controller.
    const staff = await signInStaffApi(server.baseURL, 'jb.admin');
    const station = (await staff.get<ListPage<Position>>(`/positions?q=${encodeURIComponent(STATION)}`)).items.find((p) => p.name === STATION);
    expect(station).toBeDefined();
    const positionId = station?.id ?? '';
    const policy = await staff.get<DoorPolicy>(`/positions/${positionId}/door-policy`);
    await staff.send('PUT', `/positions/${positionId}/door-policy`, {
      ...policy,
      scanHours: 'always',
      customRanges: [],
      isClosed: false,
      whoMayEnter: 'real_name',
      positionId: undefined,
    });
    const credentials = await staff.send<DoorControllerCredentials>('POST', '/door-controllers', { positionId, name: '骑手通道', codeMode: 'rotating' });
    sim = await startDoorSimulator({
      mqttUrl: server.mqttUrl,
      deviceId: credentials.deviceId,
      secret: credentials.secret,
      onUnlock: (commandId) => printed.push(`UNLOCKED ${commandId}`),
    });
    await expect.poll(async () => ((await (await fetch(`${server.baseURL}/api/v1/doors/${credentials.deviceId}`)).json()) as PublicDoor).isOnline, { timeout: 10_000 }).toBe(true);

    await withScreenshotOnFailure(session, 'worker-opens-smart-door', async () => {
      // The scan: the door's current code, as the controller's screen shows it.
      const doorPath = `/m/door/${credentials.deviceId}?c=${sim?.currentCode() ?? ''}`;
      await m.goto(doorPath);
      expect(await m.getByTestId('door-station').innerText()).toBe(STATION);
      await m.getByTestId('door-sign-in').click();
      await m.waitForURL(/\/m\/login\?next=/);

      const phone = newPhone();
      await m.getByRole('textbox', { name: '手机号' }).fill(phone);
      const since = server.output().length;
      // PIPL: the privacy policy is accepted before the first code is sent.
      await m.getByTestId('privacy-consent').check();
      await m.getByRole('button', { name: '获取验证码' }).click();
      const code = await server.waitForSmsCode({ since });
      await m.getByRole('textbox', { name: '短信验证码' }).fill(code);

      // Back at the door, which asks for the real name this new worker has not given yet.
      await m.waitForURL((url) => url.pathname === `/m/door/${credentials.deviceId}`);
      await m.getByTestId('door-real-name').waitFor();
      expect(printed).toEqual([]);
      await m.getByLabel('姓名').fill(WORKER_NAME);
      await m.getByLabel('身份证号').fill(fictitiousId());
      await m.getByText('外卖骑手', { exact: true }).click();
      await m.getByTestId('street-picker').click();
      await m.locator('.adm-popup').getByText('观音桥街道', { exact: true }).click();
      await m.getByRole('button', { name: '登记并开门' }).click();

      const result = m.getByTestId('door-result');
      await expect.poll(() => result.getAttribute('data-result'), { timeout: 15_000 }).toBe('opened');
      await m.getByText('门已开', { exact: true }).waitFor();
      const commandId = await result.getAttribute('data-command-id');
      expect(printed).toEqual([`UNLOCKED ${commandId}`]);
      expect(sim?.unlocks).toEqual([commandId]);
      await saveScreenshot(m, 'worker-opens-smart-door-375');

      // A reload of the page repeats the same request: the same answer, and no second unlock.
      await m.reload();
      await expect.poll(() => m.getByTestId('door-result').getAttribute('data-result'), { timeout: 15_000 }).toBe('opened');
      expect(sim?.unlocks).toHaveLength(1);

      // The worker became a person with a real name, not a member.
      const entries = await staff.get<ListPage<{ personName: string | null; result: string; deviceId: string }>>(`/door-entries?positionId=${positionId}&pageSize=50`);
      const mine = entries.items.filter((e) => e.deviceId === credentials.deviceId);
      expect(mine.filter((e) => e.result === 'opened').map((e) => e.personName)).toEqual([WORKER_NAME]);
    });
  });
  it('at a door with a printed code, asks for the location: refused far away with the station phone, opens at the door', { timeout: 60_000 }, async () => {
    const { server, session } = journey;
    const m = session.page;
    const staff = await signInStaffApi(server.baseURL, 'jb.admin');
    const station = (await staff.get<ListPage<Position>>(`/positions?q=${encodeURIComponent(STATION)}`)).items.find((p) => p.name === STATION);
    // A printed code opens only while staff are on duty (issue 9): staffed all day, whatever the hour of the run.
    const allDay = [{ start: '00:00', end: '24:00' }];
    await staff.send('PATCH', `/positions/${station?.id}`, { version: station?.version, schedule: { ...station?.schedule, weekly: Array(7).fill(allDay), exceptions: [] } });
    const credentials = await staff.send<DoorControllerCredentials>('POST', '/door-controllers', { positionId: station?.id, name: '侧门', codeMode: 'static', maxDistanceM: 100 });
    expect(credentials.staticCode).toMatch(/^\d{6,10}$/);
    const side = await startDoorSimulator({ mqttUrl: server.mqttUrl, deviceId: credentials.deviceId, secret: credentials.secret });
    try {
      await expect
        .poll(async () => ((await (await fetch(`${server.baseURL}/api/v1/doors/${credentials.deviceId}`)).json()) as PublicDoor).isOnline, { timeout: 10_000 })
        .toBe(true);
      await withScreenshotOnFailure(session, 'worker-static-door', async () => {
        // Still signed in from the first scan; the phone is 2 km away from the station.
        await session.context.grantPermissions(['geolocation']);
        await session.context.setGeolocation({ latitude: (station?.location.lat ?? 0) + 0.018, longitude: station?.location.lng ?? 0, accuracy: 20 });
        await m.goto(`/m/door/${credentials.deviceId}?c=${credentials.staticCode ?? ''}`);
        await m.getByTestId('door-locate').click();
        const result = m.getByTestId('door-result');
        await expect.poll(() => result.getAttribute('data-code'), { timeout: 15_000 }).toBe('DOOR_TOO_FAR');
        expect(await m.getByTestId('door-reason').innerText()).toContain('离驿站太远');
        expect(await m.getByTestId('door-call').getAttribute('href')).toBe(`tel:${(station?.contactPhone ?? '').replace(/[^\d+]/g, '')}`);
        await saveScreenshot(m, 'worker-static-door-too-far-375');
        expect(side.unlocks).toEqual([]);

        // At the door (WGS-84, as phones report it): the retry opens it.
        await session.context.setGeolocation({ latitude: station?.location.lat ?? 0, longitude: station?.location.lng ?? 0, accuracy: 20 });
        await m.getByTestId('door-retry').click();
        await expect.poll(() => result.getAttribute('data-result'), { timeout: 15_000 }).toBe('opened');
        expect(side.unlocks).toHaveLength(1);
      });
    } finally {
      await side.close();
    }
  });
});
