import { NotFoundError, type KioskServices, type UnitOfWork } from "kiosk";
import { mergeMetadata } from "kiosk";
import { Customer } from "../models/customer";
import { CustomerAddress } from "../models/customer-address";

export interface AddressInput {
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  /** Lower-case ISO 3166-1 alpha-2. */
  country_code?: string | null;
  province?: string | null;
  postal_code?: string | null;
  phone?: string | null;
  metadata?: Record<string, unknown> | null;
}

const notFound = (id: string) => new NotFoundError(`Address with id ${id} was not found`);

/**
 * A customer's address book. Every method is scoped to one customer: another
 * customer's address is a 404, as if it did not exist.
 */
export default class CustomerAddressService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(customerId: string): Promise<CustomerAddress[]> {
    return this.unitOfWork.run((tx) =>
      tx.manager.find(CustomerAddress, { where: { customer_id: customerId }, order: { created_at: "ASC", id: "ASC" } }),
    );
  }

  add(customerId: string, input: AddressInput): Promise<CustomerAddress> {
    return this.unitOfWork.run(async (tx) => {
      if (!(await tx.manager.existsBy(Customer, { id: customerId }))) {
        throw new NotFoundError(`Customer with id ${customerId} was not found`);
      }
      const { metadata, ...fields } = input;
      const saved = await tx.manager.save(
        tx.manager.create(CustomerAddress, { ...fields, metadata: metadata ?? null, customer_id: customerId }),
      );
      tx.emit("customer.updated", { id: customerId });
      return saved;
    });
  }

  update(customerId: string, addressId: string, input: AddressInput): Promise<CustomerAddress> {
    return this.unitOfWork.run(async (tx) => {
      const address = await tx.manager.findOneBy(CustomerAddress, { id: addressId, customer_id: customerId });
      if (!address) throw notFound(addressId);
      const { metadata, ...fields } = input;
      Object.assign(address, fields, { metadata: mergeMetadata(address.metadata, metadata) });
      await tx.manager.save(address);
      tx.emit("customer.updated", { id: customerId });
      return address;
    });
  }

  delete(customerId: string, addressId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(CustomerAddress, { id: addressId, customer_id: customerId });
      if (!affected) throw notFound(addressId);
      tx.emit("customer.updated", { id: customerId });
    });
  }
}
