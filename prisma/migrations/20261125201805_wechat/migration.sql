-- CreateEnum
CREATE TYPE "WechatBindingStatus" AS ENUM ('ACTIVE', 'UNBOUND', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "ConsentAction" AS ENUM ('GRANTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PushStatus" AS ENUM ('QUEUED', 'DEFERRED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "WechatBinding" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "nickname" TEXT,
    "avatarUrl" TEXT,
    "subscribed" BOOLEAN NOT NULL DEFAULT true,
    "status" "WechatBindingStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusReason" TEXT,
    "quietStartMinute" INTEGER NOT NULL DEFAULT 1320,
    "quietEndMinute" INTEGER NOT NULL DEFAULT 420,
    "boundAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WechatBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WechatConsent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "action" "ConsentAction" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WechatConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "WechatAccessToken" (
    "appId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WechatAccessToken_pkey" PRIMARY KEY ("appId")
);

-- CreateTable
CREATE TABLE "PushMessage" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventId" TEXT,
    "courseId" TEXT,
    "lessonId" TEXT,
    "title" TEXT NOT NULL,
    "time" TIMESTAMP(3),
    "url" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "status" "PushStatus" NOT NULL DEFAULT 'QUEUED',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "wechatMsgId" TEXT,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PushMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WechatInbound" (
    "dedupeKey" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "msgType" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WechatInbound_pkey" PRIMARY KEY ("dedupeKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "WechatBinding_userId_key" ON "WechatBinding"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "WechatBinding_openid_key" ON "WechatBinding"("openid");

-- CreateIndex
CREATE INDEX "WechatConsent_userId_createdAt_idx" ON "WechatConsent"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PushMessage_dedupeKey_key" ON "PushMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "PushMessage_status_nextAttemptAt_idx" ON "PushMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "PushMessage_eventId_idx" ON "PushMessage"("eventId");

-- CreateIndex
CREATE INDEX "PushMessage_wechatMsgId_idx" ON "PushMessage"("wechatMsgId");

-- CreateIndex
CREATE INDEX "WechatInbound_createdAt_idx" ON "WechatInbound"("createdAt");

-- AddForeignKey
ALTER TABLE "WechatBinding" ADD CONSTRAINT "WechatBinding_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WechatConsent" ADD CONSTRAINT "WechatConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushMessage" ADD CONSTRAINT "PushMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
