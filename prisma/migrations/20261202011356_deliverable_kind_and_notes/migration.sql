-- AlterTable: a deliverable's free-text description becomes its notes (kept, not dropped), and it gets a kind of content.
ALTER TABLE "Deliverable" RENAME COLUMN "description" TO "notes";
ALTER TABLE "Deliverable" ALTER COLUMN "notes" SET DEFAULT '';
ALTER TABLE "Deliverable" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'post';
