DROP TABLE IF EXISTS milestone_parties;
