-- AlterTable
ALTER TABLE "HomeworkSubmission" ADD COLUMN     "criterionComments" JSONB NOT NULL DEFAULT '{}';
