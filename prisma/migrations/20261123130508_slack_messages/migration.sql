-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "cardTs" TEXT,
ADD COLUMN     "proposalMessageTs" TEXT;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "approvalChannelId" TEXT,
ADD COLUMN     "approvalMessageTs" TEXT;

-- CreateTable
CREATE TABLE "Submission" (
    "key" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("key")
);
