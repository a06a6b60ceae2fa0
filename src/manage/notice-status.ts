/**
 * Which Procurement Act 2023 notices a contract can have now, and why not the others: each
 * notice's attempt (built from the register by src/ocds/notices/from-register.ts) with whether
 * its release is already among the releases nous publishes. What is held is passed in, so the
 * answer is a function of the contract's facts and the published releases only.
 */
import type { NoticeType } from "../ocds/notices/common.ts";
import { NOTICE_NAMES, type NoticeAttempt } from "../ocds/notices/from-register.ts";

export interface NoticeStatusRecord {
  type: NoticeType;
  name: string;
  producible: boolean;
  /** Why it cannot be produced now, or what it reports. */
  reason: string;
  releaseId: string | null;
  /** Whether the release is already in the releases nous publishes. */
  published: boolean;
}

/** The ocid and id of a producible notice's release (null when it cannot be produced). */
export function noticeReleaseKey(attempt: NoticeAttempt): { ocid: string; releaseId: string } | null {
  return attempt.ok ? { ocid: String(attempt.release.ocid), releaseId: String(attempt.release.id) } : null;
}

/** Each notice's status; `held(ocid, releaseId)` says whether that release is published. */
export function noticeStatuses(
  attempts: readonly { type: NoticeType; attempt: NoticeAttempt }[],
  held: (ocid: string, releaseId: string) => boolean,
): NoticeStatusRecord[] {
  return attempts.map(({ type, attempt }) => {
    const key = noticeReleaseKey(attempt);
    return {
      type,
      name: NOTICE_NAMES[type],
      producible: attempt.ok,
      reason: attempt.ok ? attempt.about : attempt.reason,
      releaseId: key?.releaseId ?? null,
      published: key ? held(key.ocid, key.releaseId) : false,
    };
  });
}
