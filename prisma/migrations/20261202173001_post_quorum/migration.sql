-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "quorum" JSONB;

-- CreateTable
CREATE TABLE "PostApproval" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PostApproval_postId_revision_userId_key" ON "PostApproval"("postId", "revision", "userId");

-- AddForeignKey
ALTER TABLE "PostApproval" ADD CONSTRAINT "PostApproval_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
