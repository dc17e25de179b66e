import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;
const text = z.string().nullable();

export const Address = z
  .looseObject({
    id: z.string(),
    first_name: text,
    last_name: text,
    company: text,
    address_1: text,
    address_2: text,
    city: text,
    country_code: text,
    province: text,
    postal_code: text,
    phone: text,
    metadata,
  })
  .meta({ id: "Address" });

/** A customer group. */
export const CustomerGroup = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    deleted_at: timestamp.nullable(),
    name: z.string(),
    metadata,
  })
  .meta({ id: "CustomerGroup" });

/** A customer (never its password hash). */
export const Customer = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    email: z.string(),
    first_name: text,
    last_name: text,
    phone: text,
    has_account: z.boolean(),
    metadata,
    shipping_addresses: z.array(Address).optional(),
    groups: z.array(CustomerGroup).optional(),
  })
  .meta({ id: "Customer" });

export const customerResponse = z.looseObject({ customer: Customer });
export const customerList = responses.list("customers", Customer);
export const customerGroupResponse = z.looseObject({ customer_group: CustomerGroup });
export const customerGroupList = responses.list("customer_groups", CustomerGroup);
export const PaymentMethod = z.looseObject({ provider_id: z.string(), data: z.record(z.string(), z.unknown()) }).meta({ id: "PaymentMethod" });
export const paymentMethodsResponse = z.looseObject({ payment_methods: z.array(PaymentMethod) });
