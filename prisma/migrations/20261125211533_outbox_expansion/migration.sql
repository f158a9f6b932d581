-- AlterTable
ALTER TABLE "DomainEvent" ADD COLUMN     "pushesQueuedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "DomainEvent_pushesQueuedAt_createdAt_idx" ON "DomainEvent"("pushesQueuedAt", "createdAt");

-- CreateIndex
CREATE INDEX "PushMessage_lessonId_idx" ON "PushMessage"("lessonId");
