export const meta = (lastUpdated: string) => ({ versionId: '1', lastUpdated });
export const ref = (type: string, id: string) => ({ reference: `${type}/${id}`, type });
export const coding = (system: string, code: string, display: string) => ({ coding: [{ system, code, display }] });
