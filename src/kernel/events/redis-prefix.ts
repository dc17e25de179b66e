import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Project } from "../boot/project";

const INSTANCE_ID = "instance_id";

/**
 * This store's id: a random value written to `kiosk_setting` at its first boot
 * (one row; processes booting at once agree, the first insert wins), read after.
 * Undefined while the table does not exist (migrations not run yet).
 */
async function instanceId(project: Project): Promise<string | undefined> {
  const runner = project.dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable("kiosk_setting"))) return undefined;
    const candidate = randomBytes(8).toString("hex");
    // Both dialects take ON CONFLICT … DO NOTHING; the values are ours (a constant and hex digits).
    await runner.query(`INSERT INTO kiosk_setting (name, value) VALUES ('${INSTANCE_ID}', '${candidate}') ON CONFLICT (name) DO NOTHING`);
    const [row] = await runner.query(`SELECT value FROM kiosk_setting WHERE name = '${INSTANCE_ID}'`);
    return row?.value;
  } finally {
    await runner.release();
  }
}

/**
 * Finishes `config.redis.prefix` once the database is open. An explicit prefix
 * (REDIS_PREFIX, `redis.prefix`) wins; otherwise `kiosk:<instance id>`, which no
 * other store has, where a prefix from the folder or database name could be
 * shared by two stores on one Redis (and each would remove the other's job
 * schedules). Before the first `kiosk migrate` the name-based prefix is kept,
 * with a warning. Logged at info.
 */
export async function resolveRedisPrefix(project: Project, logger: Logger): Promise<void> {
  const { redis } = project.config;
  if (!redis.prefixExplicit) {
    const id = await instanceId(project);
    if (id) redis.prefix = `kiosk:${id}`;
    else logger.warn({ prefix: redis.prefix }, `this store has no id until \`kiosk migrate\` runs: Redis keys under ${redis.prefix} meanwhile`);
  }
  const why = redis.prefixExplicit ? "REDIS_PREFIX or redis.prefix" : "this store's id, in kiosk_setting";
  logger.info({ prefix: redis.prefix }, `Redis keys under ${redis.prefix} (${why})`);
}
