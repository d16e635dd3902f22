-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "digestMuted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DigestSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "time" TEXT NOT NULL DEFAULT '09:00',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "overviewChannelId" TEXT,
    "quietDayMessage" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DigestSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "messageTs" TEXT,
    "error" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DigestRun_kind_claimedAt_idx" ON "DigestRun"("kind", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_channelId_localDate_kind_key" ON "DigestRun"("channelId", "localDate", "kind");
