import { containsPattern, In, NotFoundError, type KioskServices, type UnitOfWork } from "kiosk";
import { Currency } from "../models/currency";

/** The currency catalogue (every ISO 4217 code), searchable by code or name. */
export default class CurrencyService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(query: { q?: string; code?: string; offset: number; limit: number }): Promise<[Currency[], number]> {
    return this.unitOfWork.run((tx) => {
      const qb = tx.manager.createQueryBuilder(Currency, "currency").orderBy("currency.code", "ASC").skip(query.offset).take(query.limit);
      if (query.code) qb.where("currency.code = :code", { code: query.code.toLowerCase() });
      else if (query.q) {
        const q = containsPattern(query.q.toLowerCase());
        qb.where("(currency.code LIKE :q ESCAPE '\\' OR LOWER(currency.name) LIKE :q ESCAPE '\\')", { q });
      }
      return qb.getManyAndCount();
    });
  }

  retrieve(code: string): Promise<Currency> {
    return this.unitOfWork.run(async (tx) => {
      const currency = await tx.manager.findOneBy(Currency, { code: code.toLowerCase() });
      if (!currency) throw new NotFoundError(`Currency ${code} was not found`);
      return currency;
    });
  }

  /** The currencies with these codes (any case), by code; unknown codes are left out. */
  listByCodes(codes: string[]): Promise<Currency[]> {
    const wanted = [...new Set(codes.map((code) => code.toLowerCase()))];
    if (wanted.length === 0) return Promise.resolve([]);
    return this.unitOfWork.read((manager) => manager.find(Currency, { where: { code: In(wanted) }, order: { code: "ASC" } }));
  }

  update(code: string, input: { includes_tax?: boolean }): Promise<Currency> {
    return this.unitOfWork.run(async (tx) => {
      const currency = await tx.manager.findOneBy(Currency, { code: code.toLowerCase() });
      if (!currency) throw new NotFoundError(`Currency ${code} was not found`);
      await tx.manager.save(Object.assign(currency, input));
      return currency;
    });
  }
}
