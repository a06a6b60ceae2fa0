/**
 * The red-flag indicators registry: every indicator, in code order. The engine, the settings
 * parser (which sections exist), `nous flags list` and the API's titles derive from it; adding
 * an indicator means adding its file, its code to IndicatorCode and one line here.
 */
import { ruleTitles } from "../../shared/rule.ts";
import type { IndicatorCode } from "../settings.ts";
import type { IndicatorModule } from "../types.ts";
import { R003 } from "./r003.ts";
import { R018 } from "./r018.ts";
import { R024 } from "./r024.ts";
import { R025 } from "./r025.ts";
import { R028 } from "./r028.ts";
import { R030 } from "./r030.ts";
import { R035 } from "./r035.ts";
import { R036 } from "./r036.ts";
import { R038 } from "./r038.ts";
import { R044 } from "./r044.ts";
import { R048 } from "./r048.ts";
import { R055 } from "./r055.ts";
import { R058 } from "./r058.ts";

export const FLAG_RULES: readonly IndicatorModule[] = [
  R003,
  R018,
  R024,
  R025,
  R028,
  R030,
  R035,
  R036,
  R038,
  R044,
  R048,
  R055,
  R058,
];

/** Each indicator's title, by code. */
export const FLAG_TITLES: Record<IndicatorCode, string> = ruleTitles<IndicatorCode>(FLAG_RULES.map((m) => m.descriptor));
