/** The day rules in the order they are applied: each failing day takes the first that applies. */
import type { DayRule } from "../group.ts";
import { afterStop } from "./b03-after-stop.ts";
import { neverStarted } from "./b04-never-started.ts";
import { noOrder } from "./b02-no-order.ts";
import { inCustody } from "./b05-in-custody.ts";
import { deceased } from "./b06-deceased.ts";
import { abroad } from "./b07-abroad.ts";
import { unknownSubject } from "./b01-unknown-subject.ts";

export const DAY_RULES: readonly DayRule[] = [
  unknownSubject,
  deceased,
  inCustody,
  abroad,
  noOrder,
  neverStarted,
  afterStop,
];

export { abovePrice } from "./b09-above-price.ts";
export { billedTwice } from "./b08-billed-twice.ts";
