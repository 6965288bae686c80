-- colsync test corpus: a small model of the Stack Exchange public data dump (Users, Posts, Comments,
-- Badges, Votes), recreated for PostgreSQL with snake_case names. See NOTICE.md.
-- Plain SQL; runs on an empty database as its (non-superuser) owner, before data.sql.

CREATE SCHEMA stackexchange;

CREATE TABLE stackexchange.users (
    id                integer       PRIMARY KEY,
    reputation        integer       NOT NULL,
    creation_date     timestamp     NOT NULL,
    display_name      varchar(40)   NOT NULL,
    last_access_date  timestamp,
    website_url       varchar(200),
    location          varchar(100),
    about_me          text,
    views             integer       NOT NULL DEFAULT 0,
    up_votes          integer       NOT NULL DEFAULT 0,
    down_votes        integer       NOT NULL DEFAULT 0,
    account_id        integer
);

-- Questions (post_type_id 1) and answers (post_type_id 2).
CREATE TABLE stackexchange.posts (
    id                    integer       PRIMARY KEY,
    post_type_id          smallint      NOT NULL,
    accepted_answer_id    integer       REFERENCES stackexchange.posts,
    parent_id             integer       REFERENCES stackexchange.posts,
    creation_date         timestamp     NOT NULL,
    score                 integer       NOT NULL DEFAULT 0,
    view_count            integer,
    body                  text,
    owner_user_id         integer       REFERENCES stackexchange.users,
    last_editor_user_id   integer       REFERENCES stackexchange.users,
    last_edit_date        timestamp,
    last_activity_date    timestamp,
    title                 varchar(250),
    tags                  varchar(250),
    answer_count          integer,
    comment_count         integer,
    favorite_count        integer,
    closed_date           timestamp,
    community_owned_date  timestamp,
    content_license       varchar(12)
);

CREATE INDEX ix_posts_parent_id ON stackexchange.posts (parent_id);
CREATE INDEX ix_posts_owner_user_id ON stackexchange.posts (owner_user_id);

CREATE TABLE stackexchange.comments (
    id                 integer       PRIMARY KEY,
    post_id            integer       NOT NULL REFERENCES stackexchange.posts,
    score              integer       NOT NULL DEFAULT 0,
    text               varchar(600)  NOT NULL,
    creation_date      timestamp     NOT NULL,
    user_display_name  varchar(30),
    user_id            integer       REFERENCES stackexchange.users
);

CREATE INDEX ix_comments_post_id ON stackexchange.comments (post_id);

-- class: 1 gold, 2 silver, 3 bronze.
CREATE TABLE stackexchange.badges (
    id         integer      PRIMARY KEY,
    user_id    integer      NOT NULL REFERENCES stackexchange.users,
    name       varchar(50)  NOT NULL,
    date       timestamp    NOT NULL,
    class      smallint     NOT NULL CHECK (class IN (1, 2, 3)),
    tag_based  boolean      NOT NULL DEFAULT false
);

-- The dump declares no foreign keys for votes. Partitioned by year.
CREATE TABLE stackexchange.votes (
    id             integer   NOT NULL,
    post_id        integer   NOT NULL,
    vote_type_id   smallint  NOT NULL,
    user_id        integer,
    creation_date  date      NOT NULL,
    bounty_amount  integer,
    PRIMARY KEY (id, creation_date)
) PARTITION BY RANGE (creation_date);

CREATE TABLE stackexchange.votes_2019 PARTITION OF stackexchange.votes FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
CREATE TABLE stackexchange.votes_2020 PARTITION OF stackexchange.votes FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE stackexchange.votes_2021 PARTITION OF stackexchange.votes FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE stackexchange.votes_2022 PARTITION OF stackexchange.votes FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE stackexchange.votes_2023 PARTITION OF stackexchange.votes FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE stackexchange.votes_2024 PARTITION OF stackexchange.votes FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE INDEX ix_votes_post_id ON stackexchange.votes (post_id);

CREATE VIEW stackexchange.questions AS
    SELECT id, title, tags, score, owner_user_id, accepted_answer_id, creation_date
    FROM stackexchange.posts
    WHERE post_type_id = 1;
