"""Imports PyMySQL at initialisation: it succeeds only where the PyMySQL layer is attached."""

import pymysql
from driver import describe


def lambda_handler(event, context):
    return describe(pymysql)
