-- AlterTable
ALTER TABLE "WechatAccessToken" ADD COLUMN     "refreshingUntil" TIMESTAMP(3);
