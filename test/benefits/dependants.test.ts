import { describe, expect, test } from "vitest";
import { qualifiesAsDependant } from "../../src/benefits/dependants.js";

const base = { asOf: "2026-09-10", reliedOnDeceased: true } as const;

describe("dependants — 劳动和社会保障部令第18号 (docs/sources.md#B5)", () => {
  test("a child under 18 qualifies until the day before the 18th birthday", () => {
    const r = qualifiesAsDependant({ ...base, relation: "child", sex: "female", birthDate: "2015-03-01" });
    expect([r.qualifies, r.basis, r.age, r.payableUntil]).toEqual([true, "child-under-18", 11, "2033-02-28"]);
    // on the 18th birthday the child is 18 and no longer qualifies by age
    const at18 = qualifiesAsDependant({ ...base, asOf: "2033-03-01", relation: "child", sex: "female", birthDate: "2015-03-01" });
    expect([at18.age, at18.qualifies]).toEqual([18, false]);
  });

  test("spouse and parents by age: man 60, woman 55", () => {
    expect(qualifiesAsDependant({ ...base, relation: "parent", sex: "male", birthDate: "1966-09-11" }).qualifies).toBe(false); // 59
    expect(qualifiesAsDependant({ ...base, relation: "parent", sex: "male", birthDate: "1966-09-10" }).basis).toBe("parent-elderly"); // 60 today
    expect(qualifiesAsDependant({ ...base, relation: "spouse", sex: "female", birthDate: "1971-01-01" }).basis).toBe("spouse-elderly"); // 55
  });

  test("grandparents, grandchildren and siblings need the extra condition", () => {
    const gp = { ...base, relation: "grandparent" as const, sex: "female" as const, birthDate: "1950-01-01" };
    expect(qualifiesAsDependant(gp).qualifies).toBe(false);
    expect(qualifiesAsDependant({ ...gp, deceasedParentsDead: true }).basis).toBe("grandparent-elderly-parents-dead");
    const gc = { ...base, relation: "grandchild" as const, sex: "male" as const, birthDate: "2020-05-05" };
    expect(qualifiesAsDependant(gc).qualifies).toBe(false);
    expect(qualifiesAsDependant({ ...gc, grandchildParentsDeadOrUnable: true }).payableUntil).toBe("2038-05-04");
    expect(qualifiesAsDependant({ ...base, relation: "sibling", sex: "male", birthDate: "2010-01-01", siblingParentsDeadOrUnable: true }).qualifies).toBe(true);
  });

  test("fully unable to work qualifies at any age; ending events exclude", () => {
    expect(qualifiesAsDependant({ ...base, relation: "sibling", sex: "male", birthDate: "1990-01-01", fullyUnableToWork: true }).basis).toBe("fully-unable-to-work");
    expect(qualifiesAsDependant({ ...base, relation: "spouse", sex: "female", birthDate: "1960-01-01", remarried: true }).qualifies).toBe(false);
    expect(qualifiesAsDependant({ ...base, relation: "child", sex: "male", birthDate: "2012-01-01", employedOrEnlisted: true }).qualifies).toBe(false);
    expect(qualifiesAsDependant({ ...base, relation: "child", sex: "male", birthDate: "2012-01-01", reliedOnDeceased: false }).qualifies).toBe(false);
  });

  test("a 29 February birthday: the anniversary in a common year is 28 February (民法典 第二百零二条)", () => {
    // the 18th year is completed on 2034-02-28 (no 29th in 2034: the month's last day), so the last day paid is 02-27
    expect(qualifiesAsDependant({ ...base, relation: "child", sex: "male", birthDate: "2016-02-29" }).payableUntil).toBe("2034-02-27");
  });

  test("birth after the date judged on is refused", () => {
    expect(() => qualifiesAsDependant({ ...base, relation: "child", sex: "male", birthDate: "2026-09-11" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["birthDate"] }),
    );
  });
});
