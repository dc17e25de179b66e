import type { AwilixContainer } from "awilix";
import { ConflictError } from "../../../kernel/errors";
import { CliError } from "../../cli-error";
import type { UnitOfWork } from "../../../kernel/events/unit-of-work";
import type { SeedFile } from "./seed-file";

/** What one seed run did, per section. */
export type SeedReport = Record<string, { created: number; skipped: number }>;

const ALL = { offset: 0, limit: 1000 };

/**
 * Loads a seed file through the modules' own services, in ONE transaction: a
 * bad entry halfway rolls everything back. Records that already exist (same
 * email, region name, handle, shipping option name in its region, or discount code) are
 * skipped, so seeding twice is harmless.
 */
export async function applySeed(container: AwilixContainer, seed: SeedFile): Promise<SeedReport> {
  const report: SeedReport = {};
  const service = (name: string) => container.resolve<any>(name);
  /** Runs a create; a duplicate (409) counts as "already there". */
  const createOrSkip = async (section: string, create: () => Promise<unknown>) => {
    const entry = (report[section] ??= { created: 0, skipped: 0 });
    try {
      await create();
      entry.created++;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw new CliError("KIOSK_SEED_FAILED", `${section}: ${(err as Error).message}`);
      entry.skipped++;
    }
  };

  await container.resolve<UnitOfWork>("unitOfWork").run(async () => {
    for (const user of seed.users) await createOrSkip("users", () => service("userService").create(user));

    const regionIds = new Map<string, string>();
    const [existing] = await service("regionService").list(ALL);
    for (const region of existing) regionIds.set(region.name, region.id);
    for (const region of seed.regions) {
      await createOrSkip("regions", async () => {
        if (regionIds.has(region.name)) throw new ConflictError(region.name);
        regionIds.set(region.name, (await service("regionService").create(region)).id);
      });
    }

    const shipping = service("shippingOptionService");
    for (const { region, ...option } of seed.shipping_options) {
      await createOrSkip("shipping_options", async () => {
        const regionId = regionIds.get(region);
        if (!regionId) throw new Error(`the shipping option ${option.name} names the region ${region}, which neither the seed nor the store has`);
        const [inRegion] = await shipping.list({ region_id: regionId }, ALL);
        if (inRegion.some((o: { name: string }) => o.name === option.name)) throw new ConflictError(option.name);
        await shipping.create({ ...option, region_id: regionId });
      });
    }

    const collections = service("productCollectionService");
    for (const c of seed.collections) await createOrSkip("collections", () => collections.create(c));
    const collectionId = async (handle: string) => {
      const [[found]] = await collections.list({ handle: [handle] }, { offset: 0, limit: 1 });
      if (!found) throw new Error(`no collection with the handle ${handle}`);
      return found.id as string;
    };

    const categories = service("productCategoryService");
    const categoryId = async (handle: string) => {
      const [[found]] = await categories.list({ handle }, { offset: 0, limit: 1 }, { scope: "admin" });
      if (!found) throw new Error(`no category with the handle ${handle}`);
      return found.id as string;
    };
    for (const { parent, ...c } of seed.categories) {
      await createOrSkip("categories", async () =>
        categories.create({ ...c, ...(parent ? { parent_category_id: await categoryId(parent) } : {}) }),
      );
    }

    for (const { collection, categories: categoryHandles, tags, variants, ...product } of seed.products) {
      await createOrSkip("products", async () =>
        service("productService").create({
          ...product,
          collection_id: collection ? await collectionId(collection) : undefined,
          categories: await Promise.all(categoryHandles.map(async (h) => ({ id: await categoryId(h) }))),
          tags: tags.map((value) => ({ value })),
          variants: variants.map((v) => ({
            ...v,
            prices: v.prices.map(({ region, ...p }) => {
              if (!region) return p;
              const id = regionIds.get(region);
              if (!id) throw new Error(`a price names the region ${region}, which the seed does not have`);
              return { amount: p.amount, region_id: id };
            }),
          })),
        }),
      );
    }

    for (const { regions, ...d } of seed.discounts) {
      await createOrSkip("discounts", async () => {
        const ids = regions.map((region) => {
          const id = regionIds.get(region);
          if (!id) throw new Error(`the discount ${d.code} names the region ${region}, which neither the seed nor the store has`);
          return id;
        });
        await service("discountService").create({ ...d, regions: ids });
      });
    }
  });
  return report;
}
