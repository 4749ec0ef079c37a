#!/usr/bin/env node
// Builds apps/web/dist when it is missing or older than its sources, so `npm start` and the
// browser journeys always serve the current web app. Cheap when nothing changed (a stat walk).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const web = path.join(root, "apps", "web");
const marker = path.join(web, "dist", "admin.html");

/** Newest modification time under these paths (directories walked recursively). */
function newestMtime(paths) {
  let newest = 0;
  let newestFile = "";
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === "node_modules" || entry === "dist") continue;
        visit(path.join(p, entry));
      }
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
      newestFile = p;
    }
  };
  paths.forEach(visit);
  return { newest, newestFile };
}

const sources = [
  path.join(web, "src"),
  ...fs
    .readdirSync(web)
    .filter((f) => f.endsWith(".html"))
    .map((f) => path.join(web, f)),
  path.join(web, "vite.config.ts"),
  path.join(web, "package.json"),
  path.join(root, "packages", "contracts", "src"),
];

let reason = "";
if (!fs.existsSync(marker)) {
  reason = "apps/web/dist/admin.html is missing";
} else {
  const built = fs.statSync(marker).mtimeMs;
  const { newest, newestFile } = newestMtime(sources);
  if (newest > built)
    reason = `${path.relative(root, newestFile)} changed after the last build`;
}

if (!reason) {
  console.log("web build is up to date (apps/web/dist)");
  process.exit(0);
}

console.log(`building the web app: ${reason}`);
const started = performance.now();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const child = spawnSync(npm, ["run", "build", "--workspace", "apps/web"], {
  cwd: root,
  stdio: "inherit",
});
if (child.status !== 0) {
  console.error(
    `✖ web build failed (${child.error?.message ?? `exit code ${child.status}`})`,
  );
  process.exit(1);
}
// vite may keep an unchanged admin.html's old mtime; touch it so the next check sees a fresh build.
if (fs.existsSync(marker)) {
  const now = new Date();
  fs.utimesSync(marker, now, now);
}
console.log(
  `web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
