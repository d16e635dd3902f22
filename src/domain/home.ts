import type { Campaign } from './brief.js';
import type { Post } from './posts.js';

/** What a user's App Home shows: built by the workflow, rendered by the views. */
export interface HomeItem {
  campaign: Campaign;
  influencerName: string;
  post: Post;
}

export interface Home {
  /** Posts waiting for this user's decision, oldest first. */
  postsToDecide: HomeItem[];
  /** Posted posts of completed campaigns waiting for this approver's final approval. */
  postsToFinalApprove: HomeItem[];
  /** Proposals waiting for this user's decision. */
  proposalsToDecide: Campaign[];
  /** Campaigns this user is a PIC of, whose next lifecycle step is theirs (NEXT_MANAGER_STEP). */
  stepsToTake: Campaign[];
  campaigns: Campaign[];
  /** Approved posts whose planned date has passed without being posted. */
  latePosts: HomeItem[];
  expiredAgreements: Array<{ campaign: Campaign; influencerName: string; sentAt: Date }>;
}
