// Running some parts of `npm run bench` alone (`npm run bench -- members`, `-- positions`, …):
// each replaces its own section of latest.md and keeps the others.
import { openDatabase } from "../apps/server/src/db/client";
import {
  dropDatabase,
  elapsedSeconds,
  log,
  machine,
  recreateDatabase,
  replaceSection,
  withDatabase,
} from "./common";
import {
  benchImport,
  benchSearch,
  membersMarkdown,
  type ImportFigures,
  type SearchFigures,
} from "./members";
import { benchDoors, doorsMarkdown } from "./doors";
import { benchFund, fundMarkdown } from "./fund";
import { benchMarket, marketMarkdown } from "./market";
import { benchEvents, eventsMarkdown } from "./events";
import { benchSpreadsheet, spreadsheetMarkdown } from "./spreadsheet";
import { benchDay, dayMarkdown } from "./day";
import { benchFigures, figuresMarkdown } from "./figures";
import { benchReads, READS_HEADING, readsMarkdown } from "./reads";
import { startPgCluster, type PgCluster } from "./pg-cluster";
import {
  HEADINGS,
  POSITIONS_PARTS,
  runPositionsParts,
  type PositionsPart,
} from "./positions-parts";

const MEMBERS_DB = "niangjia_bench_members";
const SEARCH_DB = "niangjia_bench_search";

/** Part 3: the members import (PostgreSQL) and search (both); returns its markdown section. */
export async function benchMembers(
  adminUrl: string | undefined,
  skipPg: boolean,
  skipPglite: boolean,
): Promise<string> {
  let imp: ImportFigures | undefined;
  const searches: SearchFigures[] = [];
  if (!skipPg && adminUrl) {
    await recreateDatabase(adminUrl, MEMBERS_DB);
    imp = await benchImport(withDatabase(adminUrl, MEMBERS_DB), log);
    await dropDatabase(adminUrl, MEMBERS_DB);
    await recreateDatabase(adminUrl, SEARCH_DB);
    const database = await openDatabase({
      databaseUrl: withDatabase(adminUrl, SEARCH_DB),
    });
    try {
      searches.push(await benchSearch("PostgreSQL", database, log));
    } finally {
      await database.close();
      await dropDatabase(adminUrl, SEARCH_DB);
    }
  }
  if (!skipPglite) {
    const database = await openDatabase({});
    try {
      searches.push(await benchSearch("PGlite", database, log));
    } finally {
      await database.close();
    }
  }
  return membersMarkdown(
    imp,
    searches,
    process.env.BENCH_ONLY === "members"
      ? "BENCH_ONLY=members npm run bench"
      : selectedParts()
        ? "npm run bench -- members"
        : "npm run bench",
  );
}

/**
 * `npm run bench -- <part> …` (or BENCH_ONLY=<part>,…): runs only those parts and replaces their
 * sections of latest.md, keeping the others. Parts: members; nearest, network, city, cityjob (or
 * `positions` for those four).
 */
export function selectedParts(): string[] | undefined {
  const words = [
    ...process.argv.slice(2),
    ...(process.env.BENCH_ONLY ?? "").split(","),
  ]
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const parts = words.flatMap((w) =>
    w === "positions" ? [...POSITIONS_PARTS] : [w],
  );
  const unknown = parts.filter(
    (p) =>
      p !== "members" && p !== "reads" && p !== "doors" && p !== "fund" && p !== "market" && p !== "events" && p !== "day" && p !== "spreadsheet" && p !== "figures" && !(POSITIONS_PARTS as readonly string[]).includes(p),
  );
  if (unknown.length)
    throw new Error(
      `unknown benchmark part(s): ${unknown.join(", ")} (known: members, reads, doors, fund, market, events, day, spreadsheet, figures, positions = ${POSITIONS_PARTS.join(", ")})`,
    );
  return [...new Set(parts)];
}

export async function runSelected(parts: string[]): Promise<void> {
  console.log(`Niangjia benchmarks (${parts.join(", ")}) — ${machine()}`);
  let cluster: PgCluster | undefined;
  let adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const skipPg = process.env.BENCH_SKIP_POSTGRES === "1";
  const command = `npm run bench -- ${parts.join(" ")}`;
  try {
    if (!adminUrl && !skipPg && parts.some((p) => p !== "city" && p !== "spreadsheet")) {
      log("PostgreSQL: starting a throwaway 15 cluster");
      cluster = await startPgCluster();
      adminUrl = cluster.url("postgres");
    }
    if (skipPg) adminUrl = undefined;
    if (parts.includes("members")) {
      const section = await benchMembers(
        adminUrl,
        skipPg,
        process.env.BENCH_SKIP_PGLITE === "1",
      );
      replaceSection("Members: ", section);
      console.log(`\n${section}`);
    }
    if (parts.includes("reads")) {
      if (!adminUrl) throw new Error("the authenticated-reads benchmark needs PostgreSQL");
      const section = readsMarkdown(await benchReads(adminUrl, log), command);
      replaceSection(READS_HEADING, section);
      console.log(`\n${section}`);
    }
    if (parts.includes("doors")) {
      if (!adminUrl) throw new Error("the doors benchmark needs PostgreSQL");
      const section = doorsMarkdown(await benchDoors(adminUrl), command);
      replaceSection("Doors: ", section);
      console.log(`\n${section}`);
    }
    if (parts.includes("spreadsheet")) {
      const section = spreadsheetMarkdown(await benchSpreadsheet(log), command);
      replaceSection("Spreadsheets: ", section);
      console.log(`\n${section}`);
    }
    if (parts.includes("fund")) {
      if (!adminUrl) throw new Error("the fund benchmark needs PostgreSQL");
      const section = fundMarkdown(await benchFund(adminUrl, log), command);
      replaceSection("Fund: ", section);
      console.log(`\n${section}`);
    }
    if (parts.includes("market")) {
      if (!adminUrl) throw new Error("the marketplace benchmark needs PostgreSQL");
      const section = marketMarkdown(await benchMarket(adminUrl, log), command);
      replaceSection("Marketplace: ", section);
      console.log(`\n${section}`);
    }
    if (parts.includes("events")) {
      if (!adminUrl) throw new Error("the events benchmark needs PostgreSQL");
      const section = eventsMarkdown(await benchEvents(adminUrl, log), command);
      replaceSection("Events: ", section);
      console.log(`\n${section}`);
    }
    if (parts.includes("day")) {
      if (!adminUrl) throw new Error("the mixed-day benchmark needs PostgreSQL");
      const section = dayMarkdown(await benchDay(adminUrl), command);
      replaceSection("Mixed day", section);
      console.log(`\n${section}`);
    }
    if (parts.includes("figures")) {
      if (!adminUrl) throw new Error("the figures benchmark needs PostgreSQL");
      const section = figuresMarkdown(await benchFigures(adminUrl, log), command);
      replaceSection("Figures: ", section);
      console.log(`\n${section}`);
    }
    const positions = parts.filter((p): p is PositionsPart =>
      (POSITIONS_PARTS as readonly string[]).includes(p),
    );
    for (const { part, section } of await runPositionsParts(
      positions,
      adminUrl,
      command,
      log,
    )) {
      replaceSection(HEADINGS[part], section);
      console.log(`\n${section}`);
    }
    console.log(
      `Written to bench/results/latest.md (sections: ${parts.join(", ")}; ${elapsedSeconds().toFixed(0)} s in all).`,
    );
  } finally {
    cluster?.stop();
  }
}
