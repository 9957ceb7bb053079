-- Where an organisation's complaints team (and the managers told of missed deadlines) receive mail.
alter table people.organisation add column complaints_email text;

update people.organisation set complaints_email = 'complaints@247alliance.example' where code = '247-alliance';
update people.organisation set complaints_email = 'feedback@alliancehomes.example' where code = 'alliance-homes';
update people.organisation set complaints_email = 'complaints@helpingourfuture.example' where code = 'helping-our-future';
update people.organisation set complaints_email = 'complaints@thetrust.example' where code = 'the-trust';
