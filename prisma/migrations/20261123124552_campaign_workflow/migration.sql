-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'proposal_published', 'proposal_approved', 'recruiting', 'recruitment_closed', 'collaborating', 'completed', 'archived');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('candidate', 'invited', 'applied', 'reviewing', 'approved', 'rejected', 'deliverables', 'agreement_sent', 'signed', 'declined', 'collaborating', 'content_in_review', 'posted', 'completed', 'not_selected');

-- CreateEnum
CREATE TYPE "PostStatus" AS ENUM ('draft', 'pending_approval', 'approved', 'rejected', 'posted', 'final_approved');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('instagram', 'tiktok', 'youtube', 'x', 'facebook', 'threads', 'other');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "advertiser" TEXT NOT NULL,
    "dealReferences" TEXT[],
    "salesPicId" TEXT NOT NULL,
    "influencerPicId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "objective" TEXT NOT NULL,
    "platforms" "Platform"[],
    "targetInfluencers" INTEGER,
    "postRequirements" TEXT NOT NULL,
    "budgetMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "marginBasisPoints" INTEGER NOT NULL,
    "trackingUrl" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "recruitmentCloseDate" DATE,
    "channelId" TEXT NOT NULL,
    "approverIds" TEXT[],
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "collaborationStartedAt" TIMESTAMP(3),
    "invitedStage" BOOLEAN NOT NULL DEFAULT true,
    "applicationStages" BOOLEAN NOT NULL DEFAULT true,
    "deliverablesStage" BOOLEAN NOT NULL DEFAULT true,
    "agreementWindowDays" INTEGER NOT NULL DEFAULT 3,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Influencer" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "niches" TEXT[],
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Influencer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialAccount" (
    "id" SERIAL NOT NULL,
    "influencerId" INTEGER NOT NULL,
    "platform" "Platform" NOT NULL,
    "handle" TEXT NOT NULL,
    "followers" INTEGER NOT NULL,
    "avgEngagementPct" DOUBLE PRECISION,

    CONSTRAINT "SocialAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "influencerId" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL DEFAULT 'candidate',
    "budgetMinor" BIGINT NOT NULL DEFAULT 0,
    "influencerCostMinor" BIGINT NOT NULL DEFAULT 0,
    "shippingCostMinor" BIGINT NOT NULL DEFAULT 0,
    "agreementSentAt" TIMESTAMP(3),
    "agreementSignedAt" TIMESTAMP(3),
    "agreementDeclinedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deliverable" (
    "id" SERIAL NOT NULL,
    "participationId" INTEGER NOT NULL,
    "platform" "Platform" NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "Deliverable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "participationId" INTEGER NOT NULL,
    "socialAccountId" INTEGER NOT NULL,
    "plannedDate" DATE NOT NULL,
    "content" TEXT NOT NULL,
    "mediaUrls" TEXT[],
    "postUrl" TEXT,
    "status" "PostStatus" NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "submittedBy" TEXT NOT NULL,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "reach" INTEGER NOT NULL DEFAULT 0,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "saves" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "conversions" INTEGER NOT NULL DEFAULT 0,
    "attributedRevenueMinor" BIGINT NOT NULL DEFAULT 0,
    "metricsRecordedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ParticipationToSocialAccount" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ParticipationToSocialAccount_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Campaign_status_idx" ON "Campaign"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SocialAccount_platform_handle_key" ON "SocialAccount"("platform", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_campaignId_influencerId_key" ON "Participation"("campaignId", "influencerId");

-- CreateIndex
CREATE INDEX "Post_participationId_idx" ON "Post"("participationId");

-- CreateIndex
CREATE INDEX "_ParticipationToSocialAccount_B_index" ON "_ParticipationToSocialAccount"("B");

-- AddForeignKey
ALTER TABLE "SocialAccount" ADD CONSTRAINT "SocialAccount_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "Influencer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deliverable" ADD CONSTRAINT "Deliverable_participationId_fkey" FOREIGN KEY ("participationId") REFERENCES "Participation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_participationId_fkey" FOREIGN KEY ("participationId") REFERENCES "Participation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_socialAccountId_fkey" FOREIGN KEY ("socialAccountId") REFERENCES "SocialAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ParticipationToSocialAccount" ADD CONSTRAINT "_ParticipationToSocialAccount_A_fkey" FOREIGN KEY ("A") REFERENCES "Participation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ParticipationToSocialAccount" ADD CONSTRAINT "_ParticipationToSocialAccount_B_fkey" FOREIGN KEY ("B") REFERENCES "SocialAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- History is append-only: the database itself refuses to change or remove a history event.
-- The function body writes its semicolon as \073 because @prisma/adapter-pg splits scripts at every semicolon.
CREATE FUNCTION "history_event_append_only"() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN RAISE EXCEPTION ''HistoryEvent is append-only: % is not allowed'', TG_OP\073 END';

CREATE TRIGGER "history_event_append_only"
BEFORE UPDATE OR DELETE ON "HistoryEvent"
FOR EACH ROW EXECUTE FUNCTION "history_event_append_only"();

CREATE TRIGGER "history_event_no_truncate"
BEFORE TRUNCATE ON "HistoryEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "history_event_append_only"();
