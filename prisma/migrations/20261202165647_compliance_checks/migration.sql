-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "disclosureWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "forbiddenWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "requiredTags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "checks" JSONB;
