"use strict";
// The catalog's priced page: the same GET /store/products?limit=20, asked for the seeded region
// (`&region_id=`), so every variant's price is calculated, with price lists and tax rates in force
// on the seeded database: a sale list on every 4th product (cheaper than its own price), an
// override list on the next (dearer: an override wins anyway), and a tax rate of 10 % linked to
// every 3rd product (the region's own rate is 20 %). Before anything is measured, every variant
// on the page is checked to carry the price and the tax in force (`calculated_price`, its type,
// `calculated_price_incl_tax`, `tax_rates`).

const SALE = (i) => i % 4 === 0;
const OVERRIDE = (i) => i % 4 === 1;
const REDUCED = (i) => i % 3 === 0;
const REGION_RATE = 20;
const REDUCED_RATE = 10;

/** The seeded prices of the k-th variant of the i-th product (see catalog-postgres.js's seed). */
const regionPrice = (i, k) => 900 + 10 * i + k;
const salePrice = (i, k) => 850 + 10 * i + k;
const overridePrice = (i, k) => 950 + 10 * i + k;

/** What a variant (`sku` bench-<i>-<size>) must show in the region. */
function expected(i, k) {
  const [price, type] = SALE(i) ? [salePrice(i, k), "sale"] : OVERRIDE(i) ? [overridePrice(i, k), "override"] : [regionPrice(i, k), "default"];
  const rate = REDUCED(i) ? REDUCED_RATE : REGION_RATE;
  const tax = Math.round((price * rate) / 100);
  return { calculated_price: price, calculated_price_type: type, original_price: regionPrice(i, k), calculated_price_incl_tax: price + tax, calculated_tax: tax, rate };
}

/** Creates the lists and the tax rate through the Admin API. `variantIds[i][k]` is the k-th variant of the i-th product. */
async function setUp(admin, region, productIds, variantIds) {
  const pick = (test, amount) =>
    productIds.flatMap((_, i) => (test(i) ? variantIds[i].map((variant_id, k) => ({ variant_id, region_id: region.id, amount: amount(i, k) })) : []));
  await admin("/admin/price-lists", { name: "Bench sale", description: "every 4th product", type: "sale", status: "active", prices: pick(SALE, salePrice) });
  await admin("/admin/price-lists", { name: "Bench override", description: "the next ones", type: "override", status: "active", prices: pick(OVERRIDE, overridePrice) });
  await admin("/admin/tax-rates", { region_id: region.id, code: "reduced", name: "Reduced", rate: REDUCED_RATE, products: productIds.filter((_, i) => REDUCED(i)) });
}

/** undefined when every variant of the page shows the price and tax in force, else the first wrong one. */
function pageDifference(page) {
  for (const product of page.products) {
    for (const v of product.variants) {
      const [, i, size] = /^bench-(\d+)-(\w+)$/.exec(v.sku) ?? [];
      const k = ["S", "M", "L"].indexOf(size);
      const want = expected(Number(i), k);
      const got = {
        calculated_price: v.calculated_price,
        calculated_price_type: v.calculated_price_type,
        original_price: v.original_price,
        calculated_price_incl_tax: v.calculated_price_incl_tax,
        calculated_tax: v.calculated_tax,
        rate: v.tax_rates?.length === 1 ? v.tax_rates[0].rate : v.tax_rates,
      };
      for (const key of Object.keys(want)) {
        if (want[key] !== got[key]) return `${v.sku}: ${key} is ${JSON.stringify(got[key])}, expected ${want[key]}`;
      }
    }
  }
  return undefined;
}

module.exports = { setUp, pageDifference };
