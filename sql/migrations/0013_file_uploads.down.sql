DROP TABLE file_uploads;
