import { ILike, NotFoundError, type UnitOfWork } from "kiosk";
import { Currency } from "../models/currency";

/** The currency catalogue (every ISO 4217 code), searchable by code or name. */
export default class CurrencyService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: { unitOfWork: UnitOfWork }) {
    this.unitOfWork = unitOfWork;
  }

  list(query: { q?: string; code?: string; offset: number; limit: number }): Promise<[Currency[], number]> {
    const where = query.code
      ? { code: query.code.toLowerCase() }
      : query.q
        ? [{ code: ILike(`%${query.q}%`) }, { name: ILike(`%${query.q}%`) }]
        : {};
    return this.unitOfWork.run((tx) =>
      tx.manager.findAndCount(Currency, { where, order: { code: "ASC" }, skip: query.offset, take: query.limit }),
    );
  }

  retrieve(code: string): Promise<Currency> {
    return this.unitOfWork.run(async (tx) => {
      const currency = await tx.manager.findOneBy(Currency, { code: code.toLowerCase() });
      if (!currency) throw new NotFoundError(`Currency ${code} was not found`);
      return currency;
    });
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
