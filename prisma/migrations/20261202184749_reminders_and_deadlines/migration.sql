-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "timing" JSONB;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "reviewRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Reminder" (
    "key" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "userId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "channelId" TEXT,
    "messageTs" TEXT,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Reminder_entityType_entityId_idx" ON "Reminder"("entityType", "entityId");
