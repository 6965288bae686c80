-- colsync test corpus: a small model of the "employees" sample database
-- (datacharmer/test_db), recreated for PostgreSQL. See NOTICE.md.
-- Plain SQL; runs on an empty database as its (non-superuser) owner, before data.sql.

CREATE SCHEMA employees;

CREATE TYPE employees.employee_gender AS ENUM ('M', 'F');

CREATE TABLE employees.employee (
    emp_no      integer                    PRIMARY KEY,
    birth_date  date                       NOT NULL,
    first_name  varchar(14)                NOT NULL,
    last_name   varchar(16)                NOT NULL,
    gender      employees.employee_gender  NOT NULL,
    hire_date   date                       NOT NULL
);

CREATE TABLE employees.department (
    dept_no    char(4)      PRIMARY KEY,
    dept_name  varchar(40)  NOT NULL UNIQUE
);

CREATE TABLE employees.dept_emp (
    emp_no     integer  NOT NULL REFERENCES employees.employee ON DELETE CASCADE,
    dept_no    char(4)  NOT NULL REFERENCES employees.department ON DELETE CASCADE,
    from_date  date     NOT NULL,
    to_date    date     NOT NULL,
    PRIMARY KEY (emp_no, dept_no)
);

CREATE INDEX ix_dept_emp_dept_no ON employees.dept_emp (dept_no);

CREATE TABLE employees.dept_manager (
    emp_no     integer  NOT NULL REFERENCES employees.employee ON DELETE CASCADE,
    dept_no    char(4)  NOT NULL REFERENCES employees.department ON DELETE CASCADE,
    from_date  date     NOT NULL,
    to_date    date     NOT NULL,
    PRIMARY KEY (emp_no, dept_no)
);

CREATE TABLE employees.title (
    emp_no     integer      NOT NULL REFERENCES employees.employee ON DELETE CASCADE,
    title      varchar(50)  NOT NULL,
    from_date  date         NOT NULL,
    to_date    date,
    PRIMARY KEY (emp_no, title, from_date)
);

CREATE TABLE employees.salary (
    emp_no     integer  NOT NULL REFERENCES employees.employee ON DELETE CASCADE,
    amount     integer  NOT NULL,
    from_date  date     NOT NULL,
    to_date    date     NOT NULL,
    PRIMARY KEY (emp_no, from_date)
);

-- The original's two views: the latest department dates of each employee, and the department
-- each employee is in now.
CREATE VIEW employees.dept_emp_latest_date AS
    SELECT emp_no, max(from_date) AS from_date, max(to_date) AS to_date
    FROM employees.dept_emp
    GROUP BY emp_no;

CREATE VIEW employees.current_dept_emp AS
    SELECT l.emp_no, d.dept_no, l.from_date, l.to_date
    FROM employees.dept_emp d
    JOIN employees.dept_emp_latest_date l
      ON d.emp_no = l.emp_no AND d.from_date = l.from_date AND l.to_date = d.to_date;
