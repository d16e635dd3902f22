-- AlterEnum
ALTER TYPE "PostStatus" ADD VALUE 'withdrawn';
