-- CreateTable
CREATE TABLE "PostScreenshot" (
    "fileId" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "permalink" TEXT,
    "sharedBy" TEXT NOT NULL,
    "sharedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostScreenshot_pkey" PRIMARY KEY ("fileId")
);

-- CreateIndex
CREATE INDEX "PostScreenshot_postId_idx" ON "PostScreenshot"("postId");

-- AddForeignKey
ALTER TABLE "PostScreenshot" ADD CONSTRAINT "PostScreenshot_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
