import type { Facility, LabOrg, User } from '../types';
import { nameUuid } from '../util/prng';

// Ids and uuids of the first facility and the two recorded practitioners match the recordings.
export function seedFacilities(): Facility[] {
  return [
    {
      id: 3, uuid: 'a35fb107-c6b3-4a43-a822-7c5700d7368f', locationUuid: 'a35fb11a-9109-4616-9d99-e366101aa204',
      name: 'Harness Demo Clinic', phone: '(619) 555-0100', fax: '(619) 555-0101', email: 'frontdesk@example.invalid',
      street: '100 Example Way', city: 'San Diego', state: 'CA', zip: '92101', npi: '1234567893', color: '#99FFFF',
    },
    {
      id: 4, uuid: nameUuid('facility:4'), locationUuid: nameUuid('facility-location:4'),
      name: 'Harness Northside Clinic', phone: '(619) 555-0200', fax: '(619) 555-0201', email: 'north@example.invalid',
      street: '250 Sample Boulevard', city: 'Escondido', state: 'CA', zip: '92025', npi: '1234567901', color: '#FFCC99',
    },
  ];
}

export function seedLabOrgs(): LabOrg[] {
  return [{ id: 1, uuid: 'a35fb20b-8f07-44bc-87c3-b5466ec9a0e7', name: 'Example Reference Laboratory', npi: '1000000020' }];
}

const provider = (id: number, uuid: string, username: string, fname: string, mname: string, lname: string, npi: string,
  specialty: string, facilityId: number, phone: string, license: string): User => ({
  id, uuid, username, password: `${username}-pass`, fname, mname, lname, title: 'Dr.', npi, specialty, facilityId,
  email: `${fname.toLowerCase()}.${lname.toLowerCase()}@example.invalid`, phone, active: true, authorized: true,
  notes: 'synthetic test practitioner', license, taxonomy: '207Q00000X',
});

export function seedUsers(service: { username: string; password: string }): User[] {
  const staff = (id: number, uuid: string, username: string, password: string, fname: string | null, lname: string, active: boolean): User => ({
    id, uuid, username, password, fname, mname: null, lname, title: null, npi: null, specialty: null, facilityId: 3,
    email: null, phone: null, active, authorized: false, notes: null, license: null, taxonomy: '',
  });
  return [
    staff(1, 'a35fb11a-2a10-4087-95f7-a030be4d6708', 'admin', 'pass', 'Admin', 'Administrator', true),
    { ...staff(2, 'a35fb11a-2a1d-4a9d-859e-54e7faa2924c', '', '', null, 'phiMail Gateway', false), facilityId: 0 },
    provider(7, 'a35fb1be-b6e6-4784-973e-43a8aca2e2a7', 'atestwell', 'Alex', '', 'Testwell', '1000000004', 'Family Medicine', 3, '(619) 555-0102', 'TEST12345'),
    provider(8, 'a35fb1c3-a389-49bb-9b58-5476cd846f7d', 'jsampleton', 'Jordan', 'Q', 'Sampleton', '1000000012', 'Internal Medicine', 3, '(619) 555-0103', 'TEST67890'),
    provider(9, nameUuid('user:9'), 'rexampleman', 'Riley', 'M', 'Exampleman', '1000000038', 'Endocrinology', 4, '(619) 555-0203', 'TEST24680'),
    staff(10, nameUuid('user:10'), service.username, service.password, 'Portico', 'Service', true),
  ];
}
