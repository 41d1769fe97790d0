/**
 * Worked cases for all five provinces, printed by `zhishang demo` (`npm run demo`). Each case states its hand
 * calculation so a newcomer can check the figures against the articles.
 */
import type { Scenario } from "./scenario/scenario.js";

export interface DemoCase {
  readonly scenario: Scenario;
  readonly hand: { readonly zh: string; readonly en: string };
}

export const DEMO_CASES: readonly DemoCase[] = [
  {
    scenario: {
      id: "demo-qinghai-grade4",
      province: "qinghai",
      kind: "disability-benefits",
      input: { grade: 4, avgMonthlyWage: "6000.00", nursingLevel: "partial", accidentDate: "2026-08-03" },
      expect: { benefitBase: "3600.00", oneTimeDisabilitySubsidy: "75600.00", monthlyDisabilityAllowance: "2700.00", monthlyNursingAllowance: "1080.00" },
    },
    hand: {
      zh: "计发基数 6000 × 60% = 3600；一次性伤残补助金 21 个月 = 75600；伤残津贴 75% = 2700；生活护理费（部分不能自理）30% = 1080",
      en: "base 6000 × 60% = 3600; subsidy 21 months = 75600; allowance 75% = 2700; nursing (partial) 30% = 1080",
    },
  },
  {
    scenario: {
      id: "demo-shanghai-death",
      province: "shanghai",
      kind: "death-benefits",
      input: {
        avgMonthlyWage: "9000.00",
        deathDate: "2026-03-12",
        context: "death-from-injury",
        dependants: [{ relation: "spouse" }, { relation: "child" }, { relation: "parent" }],
      },
      expect: { funeralSubsidy: "54000.00", dependantPensions: ["3600.00", "2700.00", "2700.00"], oneTimeDeathSubsidy: "1130040.00" },
    },
    hand: {
      zh: "计发基数 9000 × 100%（推定）= 9000；丧葬补助金 6 × 9000 = 54000；抚恤金 40% + 30% + 30% = 100%，未超上限：3600、2700、2700；一次性死亡补助金 20 × 56502（2025年）= 1130040",
      en: "base 9000 × 100% (assumed) = 9000; funeral 6 × 9000 = 54000; pensions 40% + 30% + 30% = 100%, not above the cap: 3600, 2700, 2700; one-time 20 × 56502 (2025) = 1130040",
    },
  },
  {
    scenario: {
      id: "demo-guangxi-grade6",
      province: "guangxi",
      kind: "disability-benefits",
      input: { grade: 6, avgMonthlyWage: "5000.00", accidentDate: "2025-10-08" },
      expect: { oneTimeDisabilitySubsidy: "80000.00", oneTimeAllowance: "125000.00", monthlyDisabilityAllowance: null },
    },
    hand: {
      zh: "计发基数 5000（推定 100%）；一次性伤残补助金 16 × 5000 = 80000；一次性津贴 25 × 5000 = 125000",
      en: "base 5000 (assumed 100%); subsidy 16 × 5000 = 80000; one-time allowance 25 × 5000 = 125000",
    },
  },
  {
    scenario: {
      id: "demo-inner-mongolia-living-guarantee",
      province: "inner-mongolia",
      kind: "living-guarantee",
      input: {
        cityMinimumLivingStandardMonthly: "930.00",
        treatmentStartDate: "2026-07-20",
        treatmentEndDate: "2026-10-15",
        assessmentConclusionDate: "2026-09-08",
      },
      expect: { days: 73, amount: "2220.00", payer: "platform", paidUntil: "2026-09-30" },
    },
    hand: {
      zh: "鉴定结论 9 月作出，支付至 9 月 30 日：7 月 12/31 × 930 = 360；8 月 930；9 月 930；合计 2220（73 天），平台企业承担",
      en: "conclusion in September, paid to 30 September: July 12/31 × 930 = 360; August 930; September 930; total 2220 (73 days), paid by the platform",
    },
  },
  {
    scenario: {
      id: "demo-zhejiang-capped-pensions",
      province: "zhejiang",
      kind: "death-benefits",
      input: {
        avgMonthlyWage: "7000.00",
        deathDate: "2025-11-20",
        context: "after-treatment-grade-1-4",
        dependants: [
          { relation: "spouse" },
          { relation: "child", orphanOrSolitaryElder: true },
          { relation: "parent" },
        ],
      },
      expect: { funeralSubsidy: "42000.00", dependantPensions: ["2545.46", "2545.45", "1909.09"], oneTimeDeathSubsidy: null },
    },
    hand: {
      zh: "计发基数 7000；丧葬补助金 42000；抚恤金 40% + 40% + 30% = 110% > 100%，按 40:40:30 分配 7000：2545.46、2545.45、1909.09（先各取整到分共 6999.99，余 1 分给余数最大者，并列取在前者）；治疗期满后死亡无一次性死亡补助金",
      en: "base 7000; funeral 42000; pensions 40% + 40% + 30% = 110% > 100%: 7000 shared 40:40:30 = 2545.46, 2545.45, 1909.09 (floors add to 6999.99; the last fen to the largest remainder, ties to the earlier); no one-time subsidy after treatment",
    },
  },
];
