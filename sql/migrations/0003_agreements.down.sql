DROP TABLE agreement_documents;
DROP TABLE agreement_mechanisms;
DROP TABLE agreement_areas;
DROP TABLE agreement_parties;
DROP TABLE agreements;
