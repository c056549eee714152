import type { Rng } from '../util/prng';

/** One analyte: raw strings exactly as a lab interface would store them in procedure_result. */
export interface Analyte {
  code: string; text: string; units: string; range: string;
  /** returns [result, abnormal] where abnormal is an OpenEMR proc_res_abnormal value */
  value: (r: Rng, sick: number) => [string, string];
}

export interface Panel { code: string; name: string; analytes: Analyte[] }

const num = (low: number | null, high: number | null, vlow: number | null, vhigh: number | null) =>
  (v: number): string => {
    if (vhigh !== null && v >= vhigh) return 'vhigh';
    if (vlow !== null && v <= vlow) return 'vlow';
    if (high !== null && v > high) return 'high';
    if (low !== null && v < low) return 'low';
    return 'no';
  };

const numeric = (code: string, text: string, units: string, range: string, min: number, max: number, digits: number,
  flag: (v: number) => string, sickShift = 0): Analyte => ({
  code, text, units, range,
  value: (r, sick) => {
    const v = Number((r.float(min, max, digits) + sickShift * sick).toFixed(digits));
    return [v.toFixed(digits), flag(v)];
  },
});

export const HBA1C: Panel = {
  code: '4548-4', name: 'Hemoglobin A1c',
  analytes: [numeric('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', '%', '4.0-5.6', 5.0, 5.5, 1, num(4.0, 5.6, null, 9.0), 2.2)],
};

export const LIPID: Panel = {
  code: '57698-3', name: 'Lipid panel',
  analytes: [
    numeric('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma', 'mg/dL', '<200', 160, 215, 0, num(null, 199, null, null), 10),
    numeric('2085-9', 'HDL Cholesterol', 'mg/dL', '>40', 38, 62, 0, num(40, null, null, null)),
    numeric('13457-7', 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation', 'mg/dL', '<100', 80, 135, 0, num(null, 99, null, null), 8),
    numeric('2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma', 'mg/dL', '<150', 90, 170, 0, num(null, 149, null, 500), 15),
  ],
};

export const CBC: Panel = {
  code: '58410-2', name: 'CBC panel - Blood by Automated count',
  analytes: [
    numeric('6690-2', 'Leukocytes [#/volume] in Blood by Automated count', '10*3/uL', '4.0-11.0', 4.5, 10.5, 1, num(4.0, 11.0, 2.0, 30)),
    numeric('718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/dL', '12.0-16.0', 12.4, 15.2, 1, num(12.0, 16.0, 7.0, 20)),
    numeric('4544-3', 'Hematocrit [Volume Fraction] of Blood by Automated count', '%', '36-46', 37, 45, 1, num(36, 46, 21, 60)),
    numeric('777-3', 'Platelets [#/volume] in Blood by Automated count', '10*3/uL', '150-400', 170, 380, 0, num(150, 400, 50, 1000)),
  ],
};

const egfr: Analyte = {
  code: '33914-3', text: 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)',
  units: 'mL/min/1.73m2', range: '>60',
  // Labs report a censored ">90" rather than a number once filtration is normal.
  value: (r, sick) => {
    const v = r.int(70, 100) - sick * 12;
    return v > 90 ? ['>90', 'no'] : [String(v), v < 60 ? 'low' : 'no'];
  },
};

export const CMP: Panel = {
  code: '24323-8', name: 'Comprehensive metabolic panel',
  analytes: [
    numeric('2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 'mg/dL', '70-99', 78, 98, 0, num(70, 99, 50, 300), 45),
    numeric('2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'mmol/L', '136-145', 137, 143, 0, num(136, 145, 120, 160)),
    numeric('2823-3', 'Potassium [Moles/volume] in Serum or Plasma', 'mmol/L', '3.5-5.1', 3.7, 4.9, 1, num(3.5, 5.1, 2.5, 6.5)),
    numeric('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', '0.6-1.2', 0.7, 1.1, 2, num(0.6, 1.2, null, 4), 0.1),
    numeric('3094-0', 'Urea nitrogen [Mass/volume] in Serum or Plasma', 'mg/dL', '7-20', 9, 19, 0, num(7, 20, null, 100)),
    numeric('17861-6', 'Calcium [Mass/volume] in Serum or Plasma', 'mg/dL', '8.6-10.3', 8.8, 10.1, 1, num(8.6, 10.3, 6.5, 13)),
    egfr,
  ],
};

export const TSH: Panel = {
  code: '3016-3', name: 'Thyrotropin (TSH)',
  analytes: [numeric('3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma', 'm[IU]/L', '0.4-4.0', 0.9, 3.6, 2, num(0.4, 4.0, 0.01, 20))],
};

const text = (code: string, t: string, units: string, range: string, normal: string, odd: string, oddFlag: string, p: number): Analyte => ({
  code, text: t, units, range,
  value: (r, sick) => (r.chance(p * (1 + sick)) ? [odd, oddFlag] : [normal, 'no']),
});

export const URINALYSIS: Panel = {
  code: '24356-8', name: 'Urinalysis complete panel',
  analytes: [
    numeric('5811-5', 'Specific gravity of Urine by Test strip', '', '1.005-1.030', 1.008, 1.025, 3, num(1.005, 1.03, null, null)),
    numeric('5803-2', 'pH of Urine by Test strip', '[pH]', '5.0-8.0', 5.2, 7.4, 1, num(5, 8, null, null)),
    text('2887-8', 'Protein [Presence] in Urine', '', 'Negative', 'Negative', 'Trace', 'yes', 0.1),
    text('5792-7', 'Glucose [Mass/volume] in Urine by Test strip', '', 'Negative', 'Negative', 'Trace', 'yes', 0.15),
    text('20454-5', 'Protein [Presence] in Urine by Test strip', '', '', 'Negative', '1+', 'yes', 0.05),
  ],
};

export const TROPONIN: Panel = {
  code: '10839-9', name: 'Troponin I.cardiac',
  analytes: [{ code: '10839-9', text: 'Troponin I.cardiac [Mass/volume] in Serum or Plasma', units: 'ng/mL', range: '<0.04', value: () => ['<0.01', 'no'] }],
};

export const CRP: Panel = {
  code: '1988-5', name: 'C reactive protein',
  // "0.0-3.0" looks like a range but OpenEMR drops the zero bound, so FHIR gets no referenceRange.
  analytes: [numeric('1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma', 'mg/L', '0.0-3.0', 0.3, 4.2, 1, num(0, 3.0, null, 100))],
};

export const CULTURE: Panel = {
  code: '630-4', name: 'Urine culture',
  analytes: [{ code: '630-4', text: 'Bacteria identified in Urine by Culture', units: '', range: '', value: () => ['No growth at 48 hours', ''] }],
};
