import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  seedDay,
  taskBackAfterIdleLock,
  taskFindNote,
  taskGroupSession,
  taskIndividualSession,
  taskLogAgain,
  type DaySeed,
  type DayTask,
} from '../../bench/day';
import { startApp, type App } from './harness';

/*
 * A social worker's day, counted (bench/day.ts), once in Chromium against the
 * built renderer and a real vault: each routine task reaches its end state
 * (each task checks the vault itself and throws if it did not) within the
 * actions the issue allows. Action counts do not depend on timing.
 */

describe("a social worker's day, counted (end to end)", () => {
  let app: App;
  let seed: DaySeed;

  beforeAll(async () => {
    let fixed: Date | null = null;
    app = await startApp({
      open: false,
      clock: () => fixed ?? new Date(),
      prepare: async ({ router }) => {
        seed = await seedDay(router, (date) => (fixed = date));
      },
    });
    app.page.setDefaultTimeout(15_000);
    await app.open();
    await app.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function fromToday(): Promise<void> {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  }

  function withinTarget(task: DayTask, id: DayTask['id'], target: number): void {
    expect(task.id).toBe(id);
    expect(task.target).toBe(target);
    expect(task.actions).toBeGreaterThan(0);
    expect(task.actions).toBeLessThanOrEqual(target);
  }

  it("T5: logs yesterday's service again from Today in 3 actions at most", async () => {
    withinTarget(await taskLogAgain(app, seed), 'T5', 3);
  });

  it('T1: logs 30 min with a student picked by name, with the note, in 6 actions at most', async () => {
    await fromToday();
    withinTarget(await taskIndividualSession(app, seed), 'T1', 6);
  });

  it('T2: logs a 30-minute session for the saved group of four in 5 actions at most', async () => {
    await fromToday();
    withinTarget(await taskGroupSession(app, seed), 'T2', 5);
  });

  it("T3: finds last week's note by the student's name in 4 actions at most", async () => {
    await fromToday();
    withinTarget(await taskFindNote(app), 'T3', 4);
  });

  it('T4: comes back to the unfinished note after an idle lock with the PIN, in 2 actions, text intact', async () => {
    await fromToday();
    const back = await taskBackAfterIdleLock(app);
    expect(back.draftKept).toBe(true);
    withinTarget(back.task, 'T4', 2);
  });

  it('reached nothing but the app, with no page errors', () => {
    expect(app.abortedRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.bridgeProblems).toEqual([]);
  });
});
