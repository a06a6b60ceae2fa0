/**
 * The comparison R024 and R058 share: the winning bid against the second-lowest valid bid.
 *
 * A process qualifies when bid prices may be compared, the awarding is final with exactly one
 * active award made to exactly one supplier, every valid bid has exactly one tenderer, and the
 * winner's bid is the lowest (price-only award). The winning bid is the winner's lowest valid bid.
 * As for every indicator that reads monetary values, a process in which a valid bid's amount is not
 * in the main currency is excluded (not just that bid). A winning bid of 0 has no percentage
 * difference.
 */
import { soleWinner, type View } from "./view.ts";

export interface SecondLowest {
  winner: string;
  winnerAmount: number;
  second: string;
  secondAmount: number;
  /** (second − winner) / winner */
  difference: number;
}

export function secondLowest(view: View): SecondLowest | undefined {
  if (!view.priceComparable) return undefined;
  const winner = soleWinner(view);
  if (winner === undefined) return undefined;
  let winnerAmount: number | undefined;
  let second: string | undefined;
  let secondAmount: number | undefined;
  for (const bid of view.valid) {
    if (bid.tendererCount !== 1 || bid.tenderers.length !== 1) return undefined;
    if (bid.amount === undefined) continue;
    if (!view.currency.accept(bid.currency)) return undefined;
    const t = bid.tenderers[0] as string;
    if (t === winner) {
      if (winnerAmount === undefined || bid.amount < winnerAmount) winnerAmount = bid.amount;
    } else if (secondAmount === undefined || bid.amount < secondAmount) {
      second = t;
      secondAmount = bid.amount;
    }
  }
  if (winnerAmount === undefined || secondAmount === undefined || second === undefined) return undefined;
  if (secondAmount < winnerAmount || winnerAmount === 0) return undefined;
  return {
    winner,
    winnerAmount,
    second,
    secondAmount,
    difference: (secondAmount - winnerAmount) / winnerAmount,
  };
}
