DROP VIEW region_provinces;
DROP TABLE joint_action_outcomes;
DROP TABLE joint_action_participants;
DROP TABLE joint_actions;
DROP TABLE consultation_outcomes;
DROP TABLE consultation_participants;
DROP TABLE consultations;
