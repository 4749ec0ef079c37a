/**
 * Everything the marketplace tells someone goes through here, so it can be handed to the
 * platform's notifications (another branch is building them) in one place: a provider's review,
 * an order placed, confirmed, declined or delivered, a judge invited, a reopened score. Until then
 * the messages go to the log at debug level, without personal data (ids only).
 */
export type MarketNotice =
  | { kind: 'provider_reviewed'; providerId: string; decision: string }
  | { kind: 'version_reviewed'; projectId: string; versionId: string; decision: string }
  | { kind: 'entry_reviewed'; entryId: string; decision: string }
  | { kind: 'judge_invited'; seasonId: string; userId: string }
  | { kind: 'score_reopened'; scoreId: string; judgeUserId: string }
  | { kind: 'order_placed'; orderId: string; providerId: string }
  | { kind: 'order_changed'; orderId: string; status: string; toUserId: string | null; toProviderId: string | null }
  | { kind: 'results_published'; seasonId: string };

export type MarketNotifier = { tell(notice: MarketNotice): void };

export function createMarketNotifier(log?: { debug(obj: object, msg: string): void }): MarketNotifier {
  return {
    tell(notice) {
      log?.debug({ notice }, 'market notice');
    },
  };
}
