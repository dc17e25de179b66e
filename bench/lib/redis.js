"use strict";
// Redis for the bench: reachability, and a key prefix of its own whose keys are deleted
// on exit, even after a failure (a synchronous child process, as for the databases).
const { spawnSync } = require("node:child_process");
const { onCleanup } = require("./cleanup");

const REDIS_URL = process.env.KIOSK_BENCH_REDIS_URL || "redis://127.0.0.1:6379";

/** Resolves Redis's version when it answers; rejects with a short reason otherwise. */
async function checkReachable(url = REDIS_URL) {
  const IORedis = require("ioredis");
  const redis = new IORedis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let cause;
  redis.on("error", (err) => (cause ??= err));
  try {
    await redis.connect();
    const info = await redis.info("server");
    return /redis_version:(\S+)/.exec(info)?.[1] ?? "?";
  } catch (err) {
    throw cause ?? err;
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix:` synchronously (SCAN + UNLINK in a child process); returns how many. */
function deleteKeysSync(prefix, url = REDIS_URL) {
  const script = `
    const IORedis = require(${JSON.stringify(require.resolve("ioredis"))});
    const r = new IORedis(process.env.REDIS_URL, { connectTimeout: 3000, maxRetriesPerRequest: 1 });
    (async () => {
      let cursor = "0", n = 0;
      do {
        const [next, keys] = await r.scan(cursor, "MATCH", process.env.PREFIX + ":*", "COUNT", 1000);
        cursor = next;
        if (keys.length) n += await r.unlink(...keys);
      } while (cursor !== "0");
      await r.quit();
      process.stdout.write(String(n));
    })().catch((e) => { console.error(e.message); process.exit(1); });
  `;
  const r = spawnSync(process.execPath, ["-e", script], { env: { ...process.env, REDIS_URL: url, PREFIX: prefix }, encoding: "utf8", timeout: 15_000 });
  if (r.status !== 0) throw new Error(`could not delete the Redis keys under ${prefix}: ${r.stderr || r.signal}`);
  return Number(r.stdout);
}

/** A unique prefix `kiosk-bench:<pid>:<name>:<time>`; its keys are deleted by `remove()` or on exit. */
function tempPrefix(name, url = REDIS_URL) {
  const prefix = `kiosk-bench:${process.pid}:${name}:${Date.now().toString(36)}`;
  let deleted;
  const run = onCleanup(() => {
    deleted = deleteKeysSync(prefix, url);
  });
  return {
    prefix,
    /** Deletes the keys now; returns how many there were. */
    remove: () => {
      run();
      return deleted;
    },
  };
}

module.exports = { REDIS_URL, checkReachable, deleteKeysSync, tempPrefix };
