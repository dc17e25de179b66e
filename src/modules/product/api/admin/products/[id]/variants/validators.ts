import { listQuery, z } from "kiosk";
import { variantFields } from "../../validators";

export const listVariants = listQuery({}, 100);

export const createVariant = z.strictObject(variantFields);

export const updateVariant = z.strictObject(variantFields).partial();
