import { mergeMetadata, NotFoundError, UnprocessableError, type EntityManager, type KioskServices } from "kiosk";
import { lockRow } from "kiosk/sql";
import { ShippingProfile, type ShippingProfileType } from "../models/shipping-profile";

export interface ShippingProfileInput {
  name: string;
  type: ShippingProfileType;
  metadata?: Record<string, unknown> | null;
}

/** A built-in profile's type: there is one of each, made by the migration, never deleted. */
const isBuiltIn = (type: ShippingProfileType) => type !== "custom";

/** Shipping profiles: the built-in default and gift card ones, and the admin's custom ones. */
export default class ShippingProfileService {
  constructor(private readonly cradle: KioskServices) {}

  list(): Promise<ShippingProfile[]> {
    return this.cradle.unitOfWork.read((manager) => manager.find(ShippingProfile, { order: { created_at: "ASC", id: "ASC" } }));
  }

  retrieve(id: string): Promise<ShippingProfile> {
    return this.cradle.unitOfWork.read((manager) => this.load(manager, id));
  }

  /** A custom profile; another `default` or `gift_card` one is a 422 `profile_type_taken`. */
  create(input: ShippingProfileInput): Promise<ShippingProfile> {
    return this.cradle.unitOfWork.run(async (tx) => {
      if (isBuiltIn(input.type) && (await tx.manager.existsBy(ShippingProfile, { type: input.type }))) {
        throw new UnprocessableError(`The store already has its ${input.type} shipping profile`, "profile_type_taken");
      }
      return tx.manager.save(tx.manager.create(ShippingProfile, { ...input, metadata: input.metadata ?? null }));
    });
  }

  /** Renames a profile or changes its metadata (merged); a built-in profile keeps its type. */
  update(id: string, input: { name?: string; type?: ShippingProfileType; metadata?: Record<string, unknown> | null }): Promise<ShippingProfile> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const profile = await lockRow(tx.manager, ShippingProfile, id);
      if (!profile) throw new NotFoundError(`Shipping profile with id ${id} was not found`);
      if (input.type !== undefined && input.type !== profile.type) {
        throw new UnprocessableError("A shipping profile's type cannot change", "profile_type_fixed");
      }
      if (input.name !== undefined) profile.name = input.name;
      profile.metadata = mergeMetadata(profile.metadata, input.metadata);
      await tx.manager.save(ShippingProfile, profile);
      return this.load(tx.manager, id);
    });
  }

  /** Deletes a custom profile; the built-in ones are a 422 `profile_protected`. */
  delete(id: string): Promise<void> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const profile = await this.load(tx.manager, id);
      if (isBuiltIn(profile.type)) throw new UnprocessableError(`The ${profile.type} shipping profile cannot be deleted`, "profile_protected");
      await tx.manager.delete(ShippingProfile, { id });
    });
  }

  private async load(manager: EntityManager, id: string): Promise<ShippingProfile> {
    const profile = await manager.findOneBy(ShippingProfile, { id });
    if (!profile) throw new NotFoundError(`Shipping profile with id ${id} was not found`);
    return profile;
  }
}
