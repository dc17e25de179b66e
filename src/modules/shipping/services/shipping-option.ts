import {
  customFieldValues,
  InvalidDataError,
  IsNull,
  NotFoundError,
  type EntityManager,
  type KioskServices,
  type UnitOfWork,
} from "kiosk";
import { ShippingOption, type ShippingRequirement } from "../models/shipping-option";
import { checkRequirements, meetsRequirements } from "../lib/requirements";

export interface CreateShippingOptionInput {
  name: string;
  region_id: string;
  provider_id: string;
  price_type: "flat_rate";
  amount: number;
  data?: Record<string, unknown>;
  is_return?: boolean;
  admin_only?: boolean;
  /** Whether `amount` includes tax. */
  includes_tax?: boolean;
  requirements?: ShippingRequirement[];
  metadata?: Record<string, unknown> | null;
}

export type UpdateShippingOptionInput = Partial<Omit<CreateShippingOptionInput, "region_id" | "provider_id" | "price_type">>;

export interface ShippingOptionFilters {
  region_id?: string;
  is_return?: boolean;
  admin_only?: boolean;
}

/** Shipping options: the admin's CRUD and the ones a cart may choose from. */
export default class ShippingOptionService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: ShippingOptionFilters, page: { offset: number; limit: number }): Promise<[ShippingOption[], number]> {
    const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
    return this.unitOfWork.read((manager) =>
      manager.findAndCount(ShippingOption, {
        where: { ...given, deleted_at: IsNull() },
        order: { created_at: "ASC", id: "ASC" },
        skip: page.offset,
        take: page.limit,
      }),
    );
  }

  retrieve(id: string): Promise<ShippingOption> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  /** The options a customer may pick for a cart: its region's, of a provider serving the region, not admin-only, not for returns, requirements met. */
  listForCart(cart: { region_id: string; subtotal: number }): Promise<ShippingOption[]> {
    return this.unitOfWork.read(async (manager) => {
      const providers = await this.cradle.regionService.providerIds(cart.region_id, "fulfillment");
      const options = await manager.find(ShippingOption, {
        where: { region_id: cart.region_id, admin_only: false, is_return: false, deleted_at: IsNull() },
        order: { amount: "ASC", created_at: "ASC" },
      });
      return options.filter((o) => providers.includes(o.provider_id) && meetsRequirements(o, cart.subtotal));
    });
  }

  async create(input: CreateShippingOptionInput): Promise<ShippingOption> {
    const provider = this.cradle.fulfillmentProviderService.retrieve(input.provider_id);
    const data = input.data ?? {};
    if (provider.validateOption && !(await provider.validateOption(data))) {
      throw new InvalidDataError(`The ${input.provider_id} provider refused the option's data`, { field: "data" });
    }
    checkRequirements(input.requirements);
    return this.unitOfWork.run(async (tx) => {
      if (!(await this.cradle.regionService.providerIds(input.region_id, "fulfillment")).includes(input.provider_id)) {
        throw new InvalidDataError(`The fulfillment provider ${input.provider_id} does not serve the region`, {
          code: "fulfillment_provider_not_in_region",
          field: "provider_id",
        });
      }
      const option = await tx.manager.save(
        tx.manager.create(ShippingOption, {
          name: input.name,
          region_id: input.region_id,
          provider_id: input.provider_id,
          price_type: input.price_type,
          amount: input.amount,
          data,
          is_return: input.is_return ?? false,
          admin_only: input.admin_only ?? false,
          includes_tax: input.includes_tax ?? false,
          requirements: input.requirements ?? [],
          metadata: input.metadata ?? null,
          deleted_at: null,
          ...customFieldValues("shipping_option", input),
        }),
      );
      tx.emit("shipping-option.created", { id: option.id });
      return option;
    });
  }

  async update(id: string, input: UpdateShippingOptionInput): Promise<ShippingOption> {
    checkRequirements(input.requirements);
    if (input.data) {
      // The provider is asked before the transaction opens.
      const { provider_id } = await this.retrieve(id);
      const provider = this.cradle.fulfillmentProviderService.retrieve(provider_id);
      if (provider.validateOption && !(await provider.validateOption(input.data))) {
        throw new InvalidDataError(`The ${provider_id} provider refused the option's data`, { field: "data" });
      }
    }
    return this.unitOfWork.run(async (tx) => {
      const option = await this.load(tx.manager, id);
      const { metadata, ...fields } = input;
      Object.assign(option, fields);
      if (metadata !== undefined) option.metadata = metadata === null ? null : { ...(option.metadata ?? {}), ...metadata };
      await tx.manager.save(option);
      tx.emit("shipping-option.updated", { id });
      return option;
    });
  }

  /** Soft-deletes: past orders keep their option. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const option = await this.load(tx.manager, id);
      option.deleted_at = new Date();
      await tx.manager.save(option);
      tx.emit("shipping-option.deleted", { id });
    });
  }

  private async load(manager: EntityManager, id: string): Promise<ShippingOption> {
    const option = await manager.findOneBy(ShippingOption, { id, deleted_at: IsNull() });
    if (!option) throw new NotFoundError(`Shipping option with id ${id} was not found`, "shipping_option_not_found");
    return option;
  }
}
