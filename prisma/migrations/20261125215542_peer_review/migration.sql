-- CreateEnum
CREATE TYPE "PeerReviewPhase" AS ENUM ('SETUP', 'SUBMISSION', 'ASSESSMENT', 'GRADING', 'CLOSED');

-- CreateEnum
CREATE TYPE "PeerAnonymity" AS ENUM ('DOUBLE_BLIND', 'REVIEWERS_ANONYMOUS', 'OPEN');

-- CreateEnum
CREATE TYPE "PeerAggregation" AS ENUM ('MEAN', 'MEDIAN_FROM_4');

-- CreateEnum
CREATE TYPE "PeerAssessmentKind" AS ENUM ('PEER', 'SELF', 'CALIBRATION', 'REFERENCE');

-- CreateTable
CREATE TABLE "PeerReview" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "lessonId" TEXT,
    "assessmentItemId" TEXT,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "phase" "PeerReviewPhase" NOT NULL DEFAULT 'SETUP',
    "autoSwitch" BOOLEAN NOT NULL DEFAULT true,
    "submissionOpensAt" TIMESTAMP(3),
    "submissionClosesAt" TIMESTAMP(3),
    "assessmentClosesAt" TIMESTAMP(3),
    "reviewsPerSubmission" INTEGER NOT NULL DEFAULT 3,
    "selfAssessment" BOOLEAN NOT NULL DEFAULT false,
    "excludeOwnGroup" BOOLEAN NOT NULL DEFAULT false,
    "anonymity" "PeerAnonymity" NOT NULL DEFAULT 'DOUBLE_BLIND',
    "aggregation" "PeerAggregation" NOT NULL DEFAULT 'MEDIAN_FROM_4',
    "submissionWeight" INTEGER NOT NULL DEFAULT 80,
    "rubric" JSONB NOT NULL,
    "calibrationRequired" BOOLEAN NOT NULL DEFAULT false,
    "calibrationThreshold" INTEGER,
    "allowText" BOOLEAN NOT NULL DEFAULT true,
    "allowFiles" BOOLEAN NOT NULL DEFAULT false,
    "fileTypes" TEXT[] DEFAULT ARRAY['pdf', 'jpg', 'png']::TEXT[],
    "maxFiles" INTEGER NOT NULL DEFAULT 3,
    "allocatedAt" TIMESTAMP(3),
    "allocationReport" JSONB,
    "gradesReleasedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerSubmission" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "authorId" TEXT,
    "isExample" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "grade" DOUBLE PRECISION,
    "gradeOverride" DOUBLE PRECISION,
    "overrideNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerSubmissionFile" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeerSubmissionFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerAssessment" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "kind" "PeerAssessmentKind" NOT NULL DEFAULT 'PEER',
    "alias" TEXT NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "levels" JSONB NOT NULL DEFAULT '{}',
    "comments" JSONB NOT NULL DEFAULT '{}',
    "score" DOUBLE PRECISION,
    "submittedAt" TIMESTAMP(3),
    "reviewGrade" DOUBLE PRECISION,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "flagReason" TEXT,
    "flagResolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PeerReview_courseId_idx" ON "PeerReview"("courseId");

-- CreateIndex
CREATE INDEX "PeerReview_phase_autoSwitch_idx" ON "PeerReview"("phase", "autoSwitch");

-- CreateIndex
CREATE INDEX "PeerSubmission_activityId_isExample_idx" ON "PeerSubmission"("activityId", "isExample");

-- CreateIndex
CREATE UNIQUE INDEX "PeerSubmission_activityId_authorId_key" ON "PeerSubmission"("activityId", "authorId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerSubmissionFile_storageKey_key" ON "PeerSubmissionFile"("storageKey");

-- CreateIndex
CREATE INDEX "PeerSubmissionFile_submissionId_idx" ON "PeerSubmissionFile"("submissionId");

-- CreateIndex
CREATE INDEX "PeerAssessment_reviewerId_idx" ON "PeerAssessment"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerAssessment_submissionId_reviewerId_key" ON "PeerAssessment"("submissionId", "reviewerId");

-- AddForeignKey
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_assessmentItemId_fkey" FOREIGN KEY ("assessmentItemId") REFERENCES "AssessmentItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerSubmission" ADD CONSTRAINT "PeerSubmission_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerSubmission" ADD CONSTRAINT "PeerSubmission_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerSubmissionFile" ADD CONSTRAINT "PeerSubmissionFile_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "PeerSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerAssessment" ADD CONSTRAINT "PeerAssessment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "PeerSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerAssessment" ADD CONSTRAINT "PeerAssessment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
